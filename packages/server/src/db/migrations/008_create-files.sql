-- Files: uploaded attachments. The bytes live in a content-addressed blob store (local folder or
-- S3-compatible storage) under their SHA-256; these rows say who uploaded which bytes under which
-- name. A user may only attach files they uploaded themselves, so the owner is part of the key:
-- two citizens uploading the same bytes get two rows and one blob.

create table stored_file (
  province_code text not null,
  owner_id uuid not null references user_account (id) on delete cascade,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  original_name text not null,
  -- Sniffed from the bytes, never taken from the name or the client's Content-Type.
  media_type text not null,
  size bigint not null check (size >= 0),
  created_at timestamptz not null,
  primary key (province_code, owner_id, sha256)
);
create index stored_file_sha256_idx on stored_file (province_code, sha256);

-- The outcome of each finished resumable (tus) upload, so that a client that reloaded the page
-- can ask what became of its upload id: stored (with its file) or rejected (with the reason).
create table file_upload (
  upload_id text primary key,
  province_code text not null,
  owner_id uuid not null references user_account (id) on delete cascade,
  status text not null check (status in ('stored', 'rejected')),
  sha256 text,
  reason text,
  finished_at timestamptz not null,
  check ((status = 'stored') = (sha256 is not null))
);
create index file_upload_owner_idx on file_upload (province_code, owner_id, finished_at);
