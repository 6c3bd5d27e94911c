-- The history import (DOMAIN.md §9) streams each batch of checked rows here with COPY FROM STDIN, then
-- sorts out repeats and conflicts and moves the new dossiers and their events in set-based statements.
-- Unlogged: its rows live for one batch, and a crash only loses batches not yet moved (imported again).
-- Each batch has its own id, so two imports at once never see each other's rows.
create unlogged table dossier_import_staging (
  province_code text not null,
  batch_id uuid not null,
  line integer not null,
  id uuid not null,
  code text not null,
  procedure_code text not null,
  agency_code text not null,
  unit_code text not null,
  channel text not null,
  status text not null,
  delivery text,
  snapshot jsonb not null,
  submitted_at timestamptz not null,
  received_at timestamptz,
  due_at timestamptz,
  finished_at timestamptz,
  returned_at timestamptz,
  withdrawn_at timestamptz,
  fee_amount bigint not null,
  paid_online boolean not null,
  components_total integer not null,
  components_digitized integer not null,
  result_digitized boolean not null,
  result_electronic boolean not null,
  search_text text not null,
  events jsonb not null,
  -- A batch left behind by a process killed between its COPY and its move is removed a day later.
  staged_at timestamptz not null default now(),
  primary key (province_code, batch_id, line)
);
