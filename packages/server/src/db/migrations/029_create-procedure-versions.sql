-- Procedures as data (issue 12): every edit of a procedure is a new version, never a change of an
-- old one, so a dossier is shown and validated by the version it was filed under, forever. The
-- `procedure` row stays the one row per code that lists and search read (its `definition` column
-- holds the catalog facts of the current version); `current_version` names the version new filings
-- use and `active` says whether the procedure is published.
create table procedure_version (
  province_code text not null,
  code text not null,
  version integer not null check (version > 0),
  -- The definition in the format of packages/domain/src/procedure-definition (validated when written).
  definition jsonb not null,
  created_at timestamptz not null,
  -- The administrator who saved it; null for the definitions shipped with the code (the seed).
  created_by uuid,
  note text,
  primary key (province_code, code, version),
  constraint procedure_version_procedure_fkey foreign key (province_code, code) references procedure (province_code, code)
);

create trigger procedure_version_append_only before update or delete on procedure_version
  for each row execute function forbid_change();

create trigger procedure_version_no_truncate before truncate on procedure_version
  for each statement execute function forbid_change();

alter table procedure add column current_version integer not null default 1 check (current_version > 0);
