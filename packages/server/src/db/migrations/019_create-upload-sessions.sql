-- Open (unfinished) resumable uploads, one row per tus upload from its creation until it finishes,
-- is cancelled or expires: what a user's quota of open sessions and declared bytes is counted on.
-- A row whose upload was lost in a crash stops counting at expires_at (the tus expiry).
create table upload_session (
  upload_id text primary key,
  province_code text not null,
  owner_id uuid not null references user_account (id) on delete cascade,
  declared_bytes bigint not null check (declared_bytes > 0),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index upload_session_owner_idx on upload_session (province_code, owner_id, expires_at);

-- Downloading a file asks which dossiers hold it (dossiers/dossier-access.ts).
create index dossier_attachment_file_idx on dossier_attachment (province_code, file_id);
