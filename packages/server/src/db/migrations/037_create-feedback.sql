-- Citizens' feedback on the service (issue 15 points 4 and 5).

-- A satisfaction rating of a dossier whose result was returned: one per dossier, editable for a
-- few days after it is first given. The dossier's procedure, agency and unit are copied so that the
-- reports group ratings without reading the dossier table.
create table dossier_rating (
  province_code text not null,
  dossier_code text not null,
  dossier_id uuid not null,
  procedure_code text not null,
  agency_code text not null,
  unit_code text not null,
  -- { questionCode: 'very_satisfied' | 'satisfied' | 'dissatisfied' }
  answers jsonb not null,
  comment text,
  -- 'applicant': from the signed-in applicant's dossier page; 'link': from the link of the SMS.
  given_by text not null check (given_by in ('applicant', 'link')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_code, dossier_code)
);
create index dossier_rating_created_idx on dossier_rating (province_code, created_at);

-- A complaint or a recommendation (phản ánh, kiến nghị) about a dossier or a procedure, answered
-- by the agency's staff within a deadline; the citizen sees the answer.
create table complaint (
  id uuid primary key,
  province_code text not null,
  code text not null,
  kind text not null check (kind in ('complaint', 'recommendation')),
  dossier_code text,
  procedure_code text,
  agency_code text not null,
  unit_code text,
  citizen_id uuid references user_account (id),
  citizen_name text not null,
  citizen_phone text,
  subject text not null,
  content text not null,
  -- [{ sha256, name }] of files uploaded by the citizen (files capability)
  attachments jsonb not null default '[]',
  status text not null check (status in ('open', 'answered')),
  created_at timestamptz not null,
  due_at timestamptz not null,
  answer text,
  answered_by uuid references user_account (id),
  answered_at timestamptz,
  unique (province_code, code)
);
create index complaint_agency_idx on complaint (province_code, agency_code, status, due_at);
create index complaint_citizen_idx on complaint (province_code, citizen_id, created_at desc);
create index complaint_dossier_idx on complaint (province_code, dossier_code);
