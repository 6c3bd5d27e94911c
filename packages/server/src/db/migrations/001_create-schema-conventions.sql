-- Conventions used by every later migration.
-- Tables are snake_case; every table with a province's data carries province_code and every query filters on it.
-- Timestamps are timestamptz in UTC; money is bigint đồng.

-- Raises on any UPDATE or DELETE: used by append-only tables (audit, dossier events).
create or replace function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
