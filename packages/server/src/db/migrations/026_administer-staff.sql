-- Staff administered in the app (issue 13 point 2): officer accounts get an e-mail and can be
-- deactivated (kept, never deleted: dossiers and audit rows name them); a report reader role; a new
-- officer sets a password with a one-time code sent by SMS; administrative changes keep before/after.

alter table user_account add column email text;
alter table user_account add column deactivated_at timestamptz;

alter table officer_role drop constraint officer_role_role_check;
alter table officer_role add constraint officer_role_role_check
  check (role in ('receiver', 'specialist', 'leader', 'hotline', 'report_reader', 'province_admin', 'system_admin'));
create index officer_role_agency_idx on officer_role (province_code, agency_code, role);

-- A code an officer types once to set their password: valid 24 h, 5 guesses, consumed on use.
create table staff_password_code (
  id uuid primary key,
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  consumed_at timestamptz
);
create index staff_password_code_user_idx on staff_password_code (province_code, user_id, created_at desc);

-- What an administrative change did: { before, after } of the record, for the auditor.
alter table audit_log add column change jsonb;
