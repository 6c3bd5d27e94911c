-- What the app issued signed: the SHA-256 of every signed file, so that verification can say whether
-- an uploaded file is byte-identical to one issued (docs/decisions/011). Append-only.
create table signed_document (
  province_code text not null,
  sha256 text not null,
  -- The file before signing: the same rendering is served again as the same signed file
  source_sha256 text,
  kind text not null,
  dossier_code text,
  signer_name text not null,
  agency_name text not null,
  credential_id text not null,
  signed_at timestamptz not null,
  primary key (province_code, sha256)
);
create index signed_document_dossier_idx on signed_document (province_code, dossier_code);
create index signed_document_source_idx on signed_document (province_code, source_sha256);

create trigger signed_document_append_only
  before update or delete on signed_document
  for each row execute function forbid_change();

-- An officer's standing authorization to sign (their OTP entered once, used for the next
-- signatures): the SAD the signing service returned, until it expires or is used up.
create table signing_officer_authorization (
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  credential_id text not null,
  sad text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  primary key (province_code, user_id)
);
