import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createEmptyTestDatabase } from '../test/harness';
import { type DatabaseHandle, type Db, openPglite, openPostgres } from './database';
import { grantAppRole, listMigrations, migrate } from './migrate';

const serverUrl = process.env.TEST_DATABASE_URL;
let handles: DatabaseHandle[] = [];
let dropDatabase: () => Promise<void> = async () => {};
/** CI's app role on the same database, when CI runs with two roles (the owner cannot SET ROLE to it). */
let appUrl: string | undefined;

/**
 * Two handles on one fresh database: two pools on PostgreSQL (as the owner role when CI gives one),
 * the one instance twice on PGlite.
 */
before(async () => {
  if (!serverUrl) {
    const one = await openPglite();
    handles = [one, one];
    return;
  }
  const empty = await createEmptyTestDatabase(serverUrl, 'dvc_migrate');
  const ownerUrl = empty.migrationUrl ?? empty.databaseUrl;
  handles = [await openPostgres(ownerUrl), await openPostgres(ownerUrl)];
  dropDatabase = empty.drop;
  if (empty.migrationUrl) appUrl = empty.databaseUrl;
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

/** Runs `query` as `role` in a transaction of its own, which is then rolled back. */
async function asRole(db: Db, role: string, query: string): Promise<string> {
  const app = appUrl ? await openPostgres(appUrl) : undefined;
  const undo = new Error('undo');
  try {
    await (app?.db ?? db).transaction().execute(async (trx) => {
      if (!app) await sql.raw(`set local role ${role}`).execute(trx);
      await sql.raw(query).execute(trx);
      throw undo;
    });
  } catch (err) {
    if (err !== undo) throw err;
  } finally {
    await app?.close();
  }
  return 'done';
}

test('the app role granted after migrating may work the tables but never rewrite the audit log', async () => {
  const db = handles[0]!.db;
  await migrate(db);
  // CI's app role when it runs with two, else a role of the test's own (PGlite has roles too,
  // though the server there runs as one).
  const ciRole = appUrl ? new URL(appUrl).username : undefined;
  const role = ciRole ?? `dvc_app_${randomBytes(4).toString('hex')}`;
  if (!ciRole) await sql.raw(`create role ${role}`).execute(db);
  try {
    // Servers starting together grant together.
    await Promise.all([grantAppRole(handles[0]!.db, role), grantAppRole(handles[1]!.db, role)]);
    await grantAppRole(db, role);
    const entry = `insert into audit_log (province_code, action) values ('51', 'POST /kiem-thu')`;
    assert.equal(await asRole(db, role, entry), 'done', 'the app appends audit rows');
    assert.equal(await asRole(db, role, 'select count(*) from audit_log'), 'done', 'and reads them');
    assert.equal(await asRole(db, role, "update admin_unit set name = name where code = '21025'"), 'done');
    assert.equal(await asRole(db, role, 'select count(*) from pgboss.job'), 'done', 'the job queue is the app’s to work');
    for (const forbidden of [
      'alter table audit_log disable trigger all',
      'alter table audit_log disable trigger audit_log_append_only',
      'delete from audit_log',
      "update audit_log set action = 'forged'",
      'truncate audit_log',
      'delete from dossier_event',
      "insert into schema_migration (id) values ('999_forged')",
      'create table audit_log_copy (id int)',
      'drop table audit_log',
    ]) {
      await assert.rejects(asRole(db, role, forbidden), /permission denied|must be owner/, forbidden);
    }
    const me = await sql<{ name: string }>`select current_user as name`.execute(db);
    await assert.rejects(grantAppRole(db, me.rows[0]!.name), /must not be the migration role/);
  } finally {
    if (!ciRole) {
      // The grants must go before the role can.
      await sql.raw(`drop owned by ${role}`).execute(db);
      await sql.raw(`drop role ${role}`).execute(db);
    }
  }
});
