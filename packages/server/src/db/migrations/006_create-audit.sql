-- Audit trail: one row per state-changing request. Append-only, enforced here rather than trusted
-- to the application: UPDATE, DELETE and TRUNCATE raise.

create table audit_log (
  id bigserial primary key,
  province_code text not null,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_kind text check (actor_kind in ('citizen', 'officer')),
  -- e.g. 'POST /api/v1/auth/login'
  action text not null,
  record_type text,
  record_id text,
  status_code integer,
  ip text,
  user_agent text,
  request_id text
);
create index audit_log_at_idx on audit_log (province_code, at);
create index audit_log_record_idx on audit_log (province_code, record_type, record_id);
create index audit_log_actor_idx on audit_log (actor_id, at);

create trigger audit_log_append_only
  before update or delete on audit_log
  for each row execute function forbid_change();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function forbid_change();
