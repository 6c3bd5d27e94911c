-- VNeID (national identity) login: the citizen identity number a citizen account is linked to, and
-- the short-lived state of a login in progress (PKCE verifier, state, nonce), kept server-side.
create table citizen_identity_link (
  province_code text not null,
  -- 12-digit citizen identity number (số định danh cá nhân) from the VNeID `citizen_id` claim.
  citizen_id text not null check (citizen_id ~ '^[0-9]{12}$'),
  user_id uuid not null references user_account (id) on delete cascade,
  linked_at timestamptz not null,
  primary key (province_code, citizen_id),
  unique (province_code, user_id)
);

-- id is the SHA-256 of the random value in the browser's cookie; the row is consumed by the callback.
create table vneid_login_attempt (
  id text primary key,
  province_code text not null,
  state text not null,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index vneid_login_attempt_expires_idx on vneid_login_attempt (expires_at);
