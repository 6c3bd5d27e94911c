-- The lookup PIN printed on a dossier's receipt (Mẫu 01): the alternative second factor of the
-- public lookup for filers who would rather not give their phone's last digits (issue 15 point 1).
-- Only a hash is kept; the PIN is shown once, on the slip the desk prints. Printing the slip again
-- issues a new PIN and the previous one stops working.
create table dossier_lookup_pin (
  province_code text not null,
  dossier_code text not null,
  pin_hash text not null,
  issued_at timestamptz not null,
  primary key (province_code, dossier_code)
);
