-- The app's own database role (decision 008). Migrations run as the owner of every table; the app
-- runs as a role that owns nothing, so it can neither ALTER a table (DISABLE TRIGGER) nor TRUNCATE
-- it, and on the append-only tables it may only INSERT and SELECT. The role's name comes from the
-- configuration, so this migration only defines the grants; db/migrate.ts calls grant_app_role()
-- with that name after every migration run, as the owner. Re-running it is harmless, and a later
-- migration that adds a table is covered by the default privileges and by the next run.

create or replace function grant_app_role(app_role text) returns void language plpgsql as $$
declare
  append_only record;
begin
  if app_role = current_user then
    raise exception 'the app role % must not be the migration role', app_role;
  end if;
  -- Nobody but the owner creates objects (already so on PostgreSQL 15 and later).
  revoke create on schema public from public;

  execute format('grant usage on schema public to %I', app_role);
  execute format('grant select, insert, update, delete on all tables in schema public to %I', app_role);
  execute format('grant usage, select on all sequences in schema public to %I', app_role);
  execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app_role);
  execute format('alter default privileges in schema public grant usage, select on sequences to %I', app_role);

  -- The migration history is the owner's to write.
  execute format('revoke insert, update, delete, truncate on schema_migration from %I', app_role);

  -- Append-only tables are those guarded by forbid_change(): a trigger on UPDATE and DELETE, for
  -- every row, without a WHEN condition or a column list. The app keeps INSERT and SELECT there.
  -- (pg_trigger.tgtype bits: 1 row, 8 delete, 16 update.)
  for append_only in
    select distinct tg.tgrelid::regclass as tbl
    from pg_trigger tg
    join pg_proc p on p.oid = tg.tgfoid
    join pg_class c on c.oid = tg.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    where p.proname = 'forbid_change'
      and n.nspname = 'public'
      and not tg.tgisinternal
      and tg.tgqual is null
      and tg.tgattr::text = ''
      and tg.tgtype & (1 | 8 | 16) = (1 | 8 | 16)
  loop
    execute format('revoke update, delete, truncate on %s from %I', append_only.tbl, app_role);
  end loop;

  -- The job queue (pg-boss, installed by the owner before this runs): the app works its tables. A
  -- queue is a partition of pgboss.job, created by pgboss.create_queue(); running that as its owner
  -- lets the app add a queue without owning a table, and the default privileges let it use the new one.
  if exists (select 1 from pg_namespace where nspname = 'pgboss') then
    execute format('grant usage on schema pgboss to %I', app_role);
    execute format('grant select, insert, update, delete on all tables in schema pgboss to %I', app_role);
    execute format('grant usage, select on all sequences in schema pgboss to %I', app_role);
    execute format('alter default privileges in schema pgboss grant select, insert, update, delete on tables to %I', app_role);
    execute format('alter default privileges in schema pgboss grant usage, select on sequences to %I', app_role);
    if to_regprocedure('pgboss.create_queue(text, json)') is not null then
      alter function pgboss.create_queue(text, json) security definer set search_path = pgboss, pg_temp;
    end if;
  end if;
end;
$$;
