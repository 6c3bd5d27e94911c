import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { fileOnline, login } from '../dossiers/dossiers.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { startWorkers, stopWorkers } from '../workers';

// Decision 008: on PostgreSQL the app runs as a role that owns nothing, so a compromised or buggy
// app cannot switch the audit log's append-only trigger off and erase its tracks. PGlite has a single
// role: there the trigger is what refuses, and the app's normal work must go on the same way.

const serverUrl = process.env.TEST_DATABASE_URL;
let t: TestApp;
let createdRole: string | undefined;
const savedEnv = { ...process.env };

async function asAdmin(query: string) {
  const admin = new pg.Client({ connectionString: savedEnv.TEST_MIGRATION_DATABASE_URL ?? serverUrl });
  await admin.connect();
  try {
    await admin.query(query);
  } finally {
    await admin.end();
  }
}

before(async () => {
  if (serverUrl && !process.env.TEST_MIGRATION_DATABASE_URL) {
    // One (owner) URL given: make a login role for the app, as an operator would, and run the
    // harness the way CI does — migrate as the owner, connect as the app.
    createdRole = `dvc_app_${randomBytes(5).toString('hex')}`;
    await asAdmin(`create role ${createdRole} login`);
    const appUrl = new URL(serverUrl);
    appUrl.username = createdRole;
    appUrl.password = '';
    process.env.TEST_MIGRATION_DATABASE_URL = serverUrl;
    process.env.TEST_DATABASE_URL = appUrl.toString();
  }
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
});
after(async () => {
  await t?.close();
  process.env.TEST_DATABASE_URL = savedEnv.TEST_DATABASE_URL;
  if (savedEnv.TEST_MIGRATION_DATABASE_URL === undefined) delete process.env.TEST_MIGRATION_DATABASE_URL;
  if (createdRole) await asAdmin(`drop role if exists ${createdRole}`);
});

const auditRows = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.ctx.db)).rows[0]!.n;

test('the app, seeded and running as its own role, files a dossier and its audit row is written', async () => {
  if (t.ctx.databaseKind === 'postgresql') {
    const who = await sql<{ user: string }>`select current_user as user`.execute(t.ctx.db);
    assert.equal(who.rows[0]!.user, new URL(process.env.TEST_DATABASE_URL!).username, 'the app connected as its role');
    const owns = await sql<{ n: number }>`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where pg_get_userbyid(c.relowner) = current_user and n.nspname in ('public', 'pgboss')`.execute(t.ctx.db);
    assert.equal(owns.rows[0]!.n, 0, 'the app role owns no table, index or sequence');
  }
  const citizen = await login(t.app, 'citizen');
  const filed = await fileOnline(t.app, citizen);
  assert.match(filed.code, /21025/, 'filed at the ward desk');
  const row = await t.ctx.db
    .selectFrom('auditLog')
    .select(['statusCode', 'actorId'])
    .where('recordId', '=', filed.code)
    .executeTakeFirst();
  assert.deepEqual(row, { statusCode: 201, actorId: citizen.body.user.id });
  // The job workers install nothing and create their queues as the app role.
  await startWorkers(t.ctx, { pollMs: 50 });
  await new Promise((r) => setTimeout(r, 300));
  await stopWorkers();
});

test('the app cannot switch off the audit trigger, nor delete, change or empty audit rows', async () => {
  const count = await auditRows();
  assert.ok(count > 0);
  const refused = t.ctx.databaseKind === 'postgresql' ? /permission denied|must be owner/ : /append-only/;
  if (t.ctx.databaseKind === 'postgresql') {
    await assert.rejects(sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.ctx.db), /must be owner/);
    await assert.rejects(sql`alter table audit_log disable trigger all`.execute(t.ctx.db), /must be owner/);
    await assert.rejects(sql`drop trigger audit_log_append_only on audit_log`.execute(t.ctx.db), /must be owner/);
    await assert.rejects(sql`create table audit_log_copy (id int)`.execute(t.ctx.db), /permission denied/);
  }
  await assert.rejects(sql`delete from audit_log`.execute(t.ctx.db), refused);
  await assert.rejects(sql`update audit_log set action = 'forged'`.execute(t.ctx.db), refused);
  await assert.rejects(sql`truncate audit_log`.execute(t.ctx.db), refused);
  await assert.rejects(sql`delete from dossier_event`.execute(t.ctx.db), refused, 'dossier history is append-only too');
  assert.equal(await auditRows(), count, 'every audit row is still there');
  const forged = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'forged'`.execute(t.ctx.db);
  assert.equal(forged.rows[0]!.n, 0);
});
