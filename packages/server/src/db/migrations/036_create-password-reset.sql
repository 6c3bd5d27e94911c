-- A citizen who forgot the password proves the phone with a one-time code sent by SMS (issue 15
-- point 2). The codes of a phone's day and its guesses are counted in phone_code_quota, as sign-up's
-- are; each code has 5 guesses of its own, lives 10 minutes and is consumed once. A reset ends every
-- session of the account.
create table password_reset_code (
  id uuid primary key,
  province_code text not null,
  user_id uuid not null references user_account (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  consumed_at timestamptz
);
create index password_reset_code_user_idx on password_reset_code (province_code, user_id, created_at desc);
