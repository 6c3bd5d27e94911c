-- The version of its procedure's definition a dossier was filed under (procedure_version, 029): its
-- form is shown and validated by that version, whatever the procedure becomes later. Dossiers filed
-- before versions existed were filed under the built-in definitions, version 1.
alter table dossier add column procedure_version integer not null default 1 check (procedure_version > 0);
