-- Identity: accounts (citizens and officers), officer role grants, agencies, server-side sessions,
-- one-time codes and the SMS outbox. Agencies are data, loaded by identity.seed.ts.

create table agency (
  province_code text not null,
  code text not null,
  name text not null,
  -- The administrative unit the agency serves (a commune's code, or the province code).
  unit_code text not null,
  level text not null check (level in ('province', 'commune')),
  primary key (province_code, code)
);

create table user_account (
  id uuid primary key,
  province_code text not null,
  kind text not null check (kind in ('citizen', 'officer')),
  phone text not null,
  full_name text not null,
  password_hash text not null,
  citizen_id text,
  phone_verified_at timestamptz,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  unique (province_code, phone)
);

create table officer_role (
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  role text not null check (role in ('receiver', 'specialist', 'leader', 'hotline', 'province_admin', 'system_admin')),
  agency_code text not null,
  unit_code text not null,
  primary key (user_id, role, agency_code),
  foreign key (province_code, agency_code) references agency (province_code, code)
);

-- id is the SHA-256 of the cookie token: a leaked table does not yield usable cookies.
create table session (
  id text primary key,
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null,
  ip text,
  user_agent text
);
create index session_user_idx on session (user_id);
create index session_expires_idx on session (expires_at);

create table one_time_code (
  id uuid primary key,
  province_code text not null,
  phone text not null,
  purpose text not null check (purpose in ('verify_phone')),
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  consumed_at timestamptz
);
create index one_time_code_lookup_idx on one_time_code (province_code, phone, purpose, created_at desc);

-- Messages waiting for an SMS gateway. In the default mode nothing drains it and the developer
-- reads it on the dev page; a real adapter would pick 'pending' rows and mark them 'sent'.
create table sms_outbox (
  -- A sequence, not a uuid: the gateway drains and the dev page lists messages in order.
  id bigserial primary key,
  province_code text not null,
  phone text not null,
  body text not null,
  created_at timestamptz not null,
  sent_at timestamptz,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed'))
);
create index sms_outbox_pending_idx on sms_outbox (province_code, created_at) where status = 'pending';
