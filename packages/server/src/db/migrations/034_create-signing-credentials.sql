-- The local remote-signing stand-in (Cloud Signature Consortium API v2, docs/decisions/011): its
-- credentials (one certificate per officer, one seal per agency), the one-time codes it sends and
-- the signature activation data (SAD) it hands out. The private keys are not here: they are files
-- under <DATA_DIR>/signing/keys/, encrypted at rest. A real provider (SIGNING_URL) keeps all of this
-- on its side and these tables stay empty.
create table signing_credential (
  id text primary key,
  province_code text not null,
  -- CSC userID: an officer's account id, or 'seal:<agency code>' for an agency's seal
  user_id text not null,
  kind text not null check (kind in ('officer', 'seal')),
  subject_name text not null,
  agency_name text not null,
  -- Where the one-time codes go (officers); seals are used without one
  phone text,
  certificate_pem text not null,
  serial_number text not null,
  status text not null default 'active' check (status in ('active', 'disabled', 'revoked')),
  status_reason text,
  revoked_at timestamptz,
  created_at timestamptz not null
);
-- At most one usable credential per user: a revoked one is replaced by a new certificate.
create unique index signing_credential_user_idx on signing_credential (province_code, user_id) where status <> 'revoked';
create index signing_credential_revoked_idx on signing_credential (province_code, revoked_at) where status = 'revoked';

create table signing_otp (
  id text primary key,
  province_code text not null,
  credential_id text not null references signing_credential (id),
  code_hash text not null,
  attempts integer not null default 0,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  consumed_at timestamptz
);
create index signing_otp_credential_idx on signing_otp (credential_id, created_at desc);

-- id is the SHA-256 of the SAD: a leaked table does not yield usable authorizations.
create table signing_activation (
  id text primary key,
  province_code text not null,
  credential_id text not null references signing_credential (id),
  remaining integer not null check (remaining >= 0),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
