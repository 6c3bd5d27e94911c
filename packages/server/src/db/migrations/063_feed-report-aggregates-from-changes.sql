-- Reports (decision 014, superseding the trigger part of 004): the aggregates are fed by change rows
-- that the dossier writers append, through the reports capability's entry point, in the transaction
-- of their write — no trigger on dossier (Citus supports neither statement triggers with transition
-- tables nor, without citus.enable_unsafe_triggers, row triggers on a distributed table). A rollup step
-- (reports/reports.rollup.ts) moves them into report_daily and report_monthly in batches; a report adds
-- the rows not yet moved, so its figures are exact at once.

-- A dossier's counted columns as they were (sign −1) or are now (sign +1) around one write. The sum of
-- the contributions of every row here plus report_daily equals the contributions of every dossier.
create table report_dossier_change (
  province_code text not null,
  id bigint generated always as identity,
  sign smallint not null check (sign in (-1, 1)),
  dossier_id uuid not null,
  unit_code text not null,
  agency_code text not null,
  procedure_code text not null,
  channel text not null,
  status text not null,
  submitted_at timestamptz not null,
  received_at timestamptz,
  due_at timestamptz,
  finished_at timestamptz,
  withdrawn_at timestamptz,
  supplement_count integer not null,
  apology_count integer not null,
  fee_amount bigint not null,
  paid_online boolean not null,
  components_total integer not null,
  components_digitized integer not null,
  result_digitized boolean not null,
  result_electronic boolean not null,
  primary key (province_code, id)
);

-- What kept the aggregates until now. Their figures stay: the change rows continue from them.
drop trigger dossier_report_daily on dossier;
drop trigger dossier_report_daily_inserted on dossier;
drop function report_daily_apply_inserted();
drop function report_daily_apply();
drop function report_daily_add_ids(uuid[]);
drop function report_daily_add(dossier, integer);
drop function report_contributions(dossier);

-- The row trigger on report_daily (060) stays: report_monthly follows every writer of the daily table
-- (the rollup, the import's fold, a repair) — a table of the reports capability, not of dossiers.
