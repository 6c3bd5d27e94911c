import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from './database';
import { listMigrations, migrate } from './migrate';

const serverUrl = process.env.TEST_DATABASE_URL;
let handles: DatabaseHandle[] = [];
let dropDatabase: () => Promise<void> = async () => {};

/** Two handles on one fresh database: two pools on PostgreSQL, the one instance twice on PGlite. */
before(async () => {
  if (!serverUrl) {
    const one = await openPglite();
    handles = [one, one];
    return;
  }
  const name = `dvc_migrate_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  handles = [await openPostgres(url.toString()), await openPostgres(url.toString())];
  dropDatabase = async () => {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
});
after(async () => {
  for (const h of new Set(handles)) await h.close();
  await dropDatabase();
});

test('two servers migrating together apply each migration exactly once', async () => {
  const all = listMigrations().map((m) => m.id);
  assert.ok(all.length > 0);
  const [a, b] = await Promise.all([migrate(handles[0]!.db), migrate(handles[1]!.db)]);
  assert.deepEqual([...a, ...b].sort(), all, 'together they applied every migration');
  assert.ok(a.length === 0 || b.length === 0, 'one server did all the work, the other found nothing to do');
  const rows = await sql<{ id: string }>`select id from schema_migration order by id`.execute(handles[0]!.db);
  assert.deepEqual(
    rows.rows.map((r) => r.id),
    all,
  );
  assert.deepEqual(await migrate(handles[0]!.db), [], 'a restart applies nothing');
});

test('a failing migration leaves nothing behind', async () => {
  const broken = [
    ...listMigrations(),
    { id: '999_create-half', sql: 'create table half_done (id int); select no_such_function();' },
  ];
  await assert.rejects(migrate(handles[0]!.db, broken));
  const table = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(handles[0]!.db);
  assert.equal(table.rows[0]!.n, 0);
  const recorded = await sql<{ n: number }>`select count(*)::int as n from schema_migration where id = '999_create-half'`.execute(
    handles[0]!.db,
  );
  assert.equal(recorded.rows[0]!.n, 0);
});
