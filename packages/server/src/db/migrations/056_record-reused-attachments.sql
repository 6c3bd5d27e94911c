-- A component attached from the citizen's document store instead of an upload (issue 18, Decree
-- 45/2020): what it reuses and from which dossier, so the desk sees its source and the reports count
-- the dossier in the reuse-rate indicator (Decision 766).
alter table dossier_attachment
  add column reused_kind text check (reused_kind in ('result', 'component')),
  add column reused_from_dossier text;

create index dossier_attachment_reused_idx on dossier_attachment (province_code, dossier_id)
  where reused_kind is not null;
