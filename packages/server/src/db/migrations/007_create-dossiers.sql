-- Dossiers: the current projection (dossier), its append-only history (dossier_event), the daily
-- code sequence per agency, attachments, and the idempotency keys of creating requests.

create table dossier (
  id uuid primary key,
  province_code text not null,
  code text not null,
  procedure_code text not null,
  agency_code text not null,
  -- The commune-level (or, before 1 Jul 2025, district-level) unit whose authority handles it.
  unit_code text not null,
  applicant_id uuid,
  applicant_name text not null,
  applicant_phone text,
  applicant_citizen_id text,
  filed_by uuid,
  channel text not null check (channel in ('direct', 'web', 'mobile', 'phone')),
  status text not null,
  step text,
  delivery text check (delivery in ('counter', 'post', 'electronic')),
  form jsonb not null,
  -- The full state-machine snapshot (DossierSnapshot); the columns below are its queryable copy.
  snapshot jsonb not null,
  submitted_at timestamptz not null,
  received_at timestamptz,
  due_at timestamptz,
  finished_at timestamptz,
  returned_at timestamptz,
  withdrawn_at timestamptz,
  supplement_count integer not null default 0,
  apology_count integer not null default 0,
  assignee_id uuid,
  fee_amount bigint not null default 0,
  paid_online boolean not null default false,
  components_total integer not null default 0,
  components_digitized integer not null default 0,
  result_digitized boolean not null default false,
  result_electronic boolean not null default false,
  special_case_reason text,
  group_code text,
  -- Folded (no diacritics, lower case) code + applicant name, for the officer search.
  search_text text not null,
  version integer not null default 1,
  updated_at timestamptz not null,
  unique (province_code, code)
);
create index dossier_agency_status on dossier (province_code, agency_code, status);
create index dossier_applicant on dossier (province_code, applicant_id, submitted_at desc);
create index dossier_due on dossier (province_code, due_at) where finished_at is null;

create table dossier_event (
  id bigserial primary key,
  province_code text not null,
  dossier_id uuid not null references dossier (id),
  seq integer not null,
  type text not null,
  from_status text,
  to_status text not null,
  from_step text,
  to_step text,
  actor_id uuid,
  actor_role text not null,
  at timestamptz not null,
  note text,
  payload jsonb not null default '{}'::jsonb,
  unique (dossier_id, seq)
);
create trigger dossier_event_append_only before update or delete on dossier_event
  for each row execute function forbid_change();

create table dossier_code_sequence (
  province_code text not null,
  agency_code text not null,
  day date not null,
  last_value integer not null,
  primary key (province_code, agency_code, day)
);

create table dossier_attachment (
  id bigserial primary key,
  province_code text not null,
  dossier_id uuid not null references dossier (id),
  component_id text not null,
  file_id text not null,
  file_name text not null,
  media_type text not null,
  digitized boolean not null default true,
  added_by uuid,
  added_at timestamptz not null,
  -- 0 = with the filing; n = the answer to the n-th supplement request.
  round integer not null default 0
);
create index dossier_attachment_dossier on dossier_attachment (dossier_id);

-- IETF httpapi Idempotency-Key: one row per user and key; a retry replays the stored answer.
create table idempotency_key (
  province_code text not null,
  user_id uuid not null,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('in_flight', 'done')),
  locked_until timestamptz not null,
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null,
  primary key (province_code, user_id, key)
);
