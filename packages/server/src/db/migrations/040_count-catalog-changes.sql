-- Each server keeps the published catalog of its province in memory for search (catalog/catalog-index.ts):
-- 1,700 procedures searched as a citizen types, with and without diacritics. A server asks for its
-- province's generation before answering (one primary-key read) and rebuilds its index when the number
-- moved. Every statement that writes `procedure` rows (a new version, publish, unpublish, an import
-- chunk, the seed) counts one more, in the writer's transaction, so the number moves exactly when the
-- change commits, whichever server or script wrote it.
create table catalog_generation (
  province_code text primary key,
  generation bigint not null check (generation > 0)
);

create function count_catalog_change() returns trigger language plpgsql as $$
begin
  insert into catalog_generation (province_code, generation)
  select distinct province_code, 1 from changed
  on conflict (province_code) do update set generation = catalog_generation.generation + 1;
  return null;
end;
$$;

create trigger procedure_inserted after insert on procedure
  referencing new table as changed
  for each statement execute function count_catalog_change();

create trigger procedure_updated after update on procedure
  referencing new table as changed
  for each statement execute function count_catalog_change();

create trigger procedure_deleted after delete on procedure
  referencing old table as changed
  for each statement execute function count_catalog_change();
