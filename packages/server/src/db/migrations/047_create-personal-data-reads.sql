-- Personal data (issue 20): who read what, and what citizens asked of us.

-- One row per read of a dossier, an attachment or a personal field by an officer (issue 20 point 2).
-- Append-only like the audit log: UPDATE, DELETE and TRUNCATE raise, and grant_app_role() leaves
-- the app role INSERT and SELECT only. The 72-hour breach notification's facts come from here.
create table personal_data_read (
  id bigserial primary key,
  province_code text not null,
  at timestamptz not null,
  officer_id uuid not null,
  -- The agency the officer read it for: the one of their grants that holds the dossier, else their first.
  agency_code text not null,
  -- 'dossier' | 'dossier_document' | 'dossier_result' | 'attachment' | 'complaint_attachment' |
  -- 'dossier_list' | 'register' | 'household_business_list'
  record_type text not null,
  -- The dossier code, the file's sha256, or the list's filter (never a personal field itself).
  record_id text not null,
  dossier_id uuid,
  -- The person whose data it is, when known (the dossier's applicant, the file's owner).
  subject_id uuid,
  -- e.g. 'GET /api/v1/dossiers/:code'
  route text not null,
  -- The screen of the web app that asked (header x-dvc-screen), when it says.
  screen text,
  request_id text
);
create index personal_data_read_subject_idx on personal_data_read (province_code, subject_id, at desc);
create index personal_data_read_officer_idx on personal_data_read (province_code, officer_id, at desc);
create index personal_data_read_dossier_idx on personal_data_read (province_code, dossier_id, at desc);
create index personal_data_read_at_idx on personal_data_read (province_code, at);

create trigger personal_data_read_append_only
  before update or delete on personal_data_read
  for each row execute function forbid_change();

create trigger personal_data_read_no_truncate
  before truncate on personal_data_read
  for each statement execute function forbid_change();

-- A data subject's request (issue 20 point 3): a correction or a deletion, answered by an
-- administrator before its deadline. A download is served at once and needs no row.
create table data_subject_request (
  id uuid primary key,
  province_code text not null,
  code text not null,
  citizen_id uuid not null,
  kind text not null check (kind in ('correction', 'deletion')),
  -- What the citizen says is wrong and how it should read (correction), or why (deletion).
  detail text not null,
  status text not null check (status in ('open', 'done', 'refused')),
  created_at timestamptz not null,
  due_at timestamptz not null,
  answer text,
  answered_by uuid,
  answered_at timestamptz,
  -- What the deletion removed: { table: rows } (no personal field).
  outcome jsonb,
  unique (province_code, code)
);
create index data_subject_request_citizen_idx on data_subject_request (province_code, citizen_id, created_at desc);
create index data_subject_request_open_idx on data_subject_request (province_code, status, due_at);
