-- Sign-in attempts are counted before the password is checked (one upsert per key), so parallel
-- requests cannot slip past the limit. Keys: 'address:<ip>' (every attempt from a socket address),
-- 'phone:<phone>' (every attempt on an account, from anywhere) and 'phone:<phone>@<ip>' (an account
-- from one address). Keyed by phone, not account, so an unknown phone behaves like a known one.
-- A growing delay between allowed attempts replaces the 15-minute lock of an account: a stranger
-- slows down only their own address, and an address that signed in before skips the account's count.
create table login_throttle (
  province_code text not null,
  key text not null,
  -- Attempts since the counter last restarted; a successful sign-in gives its own attempt back.
  attempts integer not null,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz not null,
  -- For 'phone:…@…' keys: the last successful sign-in from that address.
  signed_in_at timestamptz,
  primary key (province_code, key)
);
create index login_throttle_last_attempt_idx on login_throttle (last_attempt_at);

alter table user_account drop column failed_logins;
alter table user_account drop column locked_until;

-- One row per phone: SMS codes sent and codes tried in a rolling day, and when the last code went
-- out. Every path that sends a code or checks one claims from it first, in one statement.
create table phone_code_quota (
  province_code text not null,
  phone text not null,
  window_started_at timestamptz not null,
  codes_sent integer not null default 0,
  guesses integer not null default 0,
  last_sent_at timestamptz,
  primary key (province_code, phone)
);

-- A registration waiting for its phone to be proved. The password and name it chose become the
-- account's only when one of its own codes is entered, by the browser that registered (the token of
-- its cookie): registering a stranger's pending phone again changes nothing of that account.
create table sign_up (
  id uuid primary key,
  province_code text not null,
  phone text not null,
  token_hash text not null unique,
  full_name text not null,
  password_hash text not null,
  created_at timestamptz not null
);
create index sign_up_phone_idx on sign_up (province_code, phone, created_at desc);

alter table one_time_code add column sign_up_id uuid references sign_up (id) on delete cascade;
