-- Personal data (issue 20 points 4 and 1): how long each category is kept, what the retention job
-- did, and the consents given at sign-up.

-- A retention period per data category, as data (seeded with defaults by privacy/retention.seed.ts,
-- changed by an administrator). Dossiers may have a period per procedure; '*' is every procedure.
create table retention_policy (
  province_code text not null,
  category text not null,
  procedure_code text not null default '*',
  keep_days integer not null check (keep_days >= 0),
  -- 'delete' rows, 'anonymise' them (dossiers: the reports keep counting), or 'keep' (append-only
  -- logs, pruned only by the owner when archived).
  action text not null check (action in ('delete', 'anonymise', 'keep')),
  legal_basis text not null,
  updated_at timestamptz not null,
  updated_by uuid,
  primary key (province_code, category, procedure_code)
);

-- What each run of the retention job did: one row per category and procedure. Append-only.
create table retention_run (
  id bigserial primary key,
  province_code text not null,
  run_id uuid not null,
  at timestamptz not null,
  category text not null,
  procedure_code text not null,
  action text not null,
  -- Records older than this were handled.
  cutoff timestamptz not null,
  affected integer not null,
  -- e.g. { "attachments": 3, "fileBytesErased": 2 } (no personal field)
  detail jsonb not null default '{}'
);
create index retention_run_at_idx on retention_run (province_code, at desc);

create trigger retention_run_append_only
  before update or delete on retention_run
  for each row execute function forbid_change();
create trigger retention_run_no_truncate
  before truncate on retention_run
  for each statement execute function forbid_change();

-- Consent to the processing of the account's own data, as the person gave it (notice version,
-- when, from where). Append-only: a withdrawal is a row of its own. Kept after the account is
-- deleted, as the proof the law asks of the controller.
create table consent_record (
  id bigserial primary key,
  province_code text not null,
  user_id uuid not null,
  purpose text not null,
  notice_version text not null,
  decision text not null check (decision in ('given', 'withdrawn')),
  at timestamptz not null,
  ip text
);
create index consent_record_user_idx on consent_record (province_code, user_id, at);

create trigger consent_record_append_only
  before update or delete on consent_record
  for each row execute function forbid_change();
create trigger consent_record_no_truncate
  before truncate on consent_record
  for each statement execute function forbid_change();
