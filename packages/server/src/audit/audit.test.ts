import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../identity/identity.seed';
import { createTestApp, type TestApp } from '../test/harness';
import { appendAudit } from './audit.repository';

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T03:00:00Z') });
});
after(() => t.close());

const rows = () => t.ctx.db.selectFrom('auditLog').selectAll().orderBy('id').execute();

test('a login leaves an audit row naming who, what, which record, when and from where', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { phone: '0905000011', password: DEMO_PASSWORD },
    headers: { 'user-agent': 'Kiểm thử/1.0', 'x-request-id': 'req-login-1' },
    remoteAddress: '203.0.113.7',
  });
  assert.equal(res.statusCode, 200);
  const userId = res.json().user.id;
  const row = (await rows()).find((r) => r.requestId === 'req-login-1');
  assert.ok(row, 'audit row written before the answer');
  assert.deepEqual(
    {
      provinceCode: row.provinceCode,
      actorId: row.actorId,
      actorKind: row.actorKind,
      action: row.action,
      recordType: row.recordType,
      recordId: row.recordId,
      statusCode: row.statusCode,
      ip: row.ip,
      userAgent: row.userAgent,
      at: row.at.toISOString(),
    },
    {
      provinceCode: '51',
      actorId: userId,
      actorKind: 'officer',
      action: 'POST /api/v1/auth/login',
      recordType: 'user_account',
      recordId: userId,
      statusCode: 200,
      ip: '203.0.113.7',
      userAgent: 'Kiểm thử/1.0',
      at: '2026-03-02T03:00:00.000Z',
    },
  );
});

test('refused state-changing requests are audited too; reads are not', async () => {
  const before = (await rows()).length;
  await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
  assert.equal((await rows()).length, before, 'a GET writes nothing');
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { phone: '0905000011', password: 'saimatkhau1' },
    remoteAddress: '203.0.113.8',
  });
  assert.equal(bad.statusCode, 401);
  const last = (await rows()).at(-1);
  assert.equal(last?.statusCode, 401);
  assert.equal(last?.actorId, null, 'nobody signed in');
  assert.equal(last?.recordType, 'user_account', 'but the targeted account is on record');
  assert.equal(last?.ip, '203.0.113.8');
});

test('the database refuses to update, delete or truncate audit rows', async () => {
  const count = (await rows()).length;
  assert.ok(count > 0);
  // The trigger refuses; with the app's own role on PostgreSQL (decision 008) the grants refuse first.
  const refused = /append-only|permission denied/;
  await assert.rejects(sql`update audit_log set action = 'forged'`.execute(t.ctx.db), refused);
  await assert.rejects(sql`delete from audit_log`.execute(t.ctx.db), refused);
  await assert.rejects(sql`truncate audit_log`.execute(t.ctx.db), refused);
  await assert.rejects(t.ctx.db.deleteFrom('auditLog').where('id', '>', 0).execute(), refused);
  assert.equal((await rows()).length, count);
  assert.ok((await rows()).every((r) => r.action !== 'forged'));
});

test('appendAudit writes inside a caller transaction and vanishes with its rollback', async () => {
  const entry = {
    provinceCode: '51',
    at: t.ctx.now(),
    actorId: null,
    actorKind: null,
    action: 'POST /api/v1/test',
    recordType: 'dossier',
    recordId: 'rollback-me',
    statusCode: 201,
    ip: null,
    userAgent: null,
    requestId: null,
  };
  await assert.rejects(
    t.ctx.db.transaction().execute(async (trx) => {
      await appendAudit(trx, entry);
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  assert.equal((await rows()).filter((r) => r.recordId === 'rollback-me').length, 0);
  await t.ctx.db.transaction().execute((trx) => appendAudit(trx, { ...entry, recordId: 'kept' }));
  assert.equal((await rows()).filter((r) => r.recordId === 'kept').length, 1);
});
