-- Imports of historical dossiers started from the web (reports screen): one row per uploaded CSV,
-- its progress while the in-process task runs (the screen polls it) and its summary once done.
-- The bad-rows file (line, column, reason) is kept in the data dir beside the upload.
create table dossier_import (
  id uuid not null,
  province_code text not null,
  created_by uuid not null,
  file_name text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  status text not null check (status in ('running', 'done', 'failed')),
  bytes_read bigint not null default 0,
  rows_read integer not null default 0,
  inserted integer not null default 0,
  duplicates integer not null default 0,
  conflicts integer not null default 0,
  bad_rows integer not null default 0,
  has_errors_file boolean not null default false,
  failure text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz,
  primary key (province_code, id)
);
create index dossier_import_province_idx on dossier_import (province_code, created_at desc);
