import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { ADMINS, type Ask, asker, expectOnly, signInPeople } from './authz.test-helpers';

// The admin routes outside the organisation's own folder follow the same scope: this province's
// administrators and the system administrator; a province administrator of another province is refused.
let t: TestApp;
let ask: Ask;
before(async () => {
  t = await createTestApp();
  ask = asker(t, await signInPeople(t));
});
after(() => t.close());

const csv = (name: string) => ({
  method: 'POST' as const,
  url: `/api/v1/admin/imports?name=${name}`,
  payload: 'code\n',
  headers: { 'content-type': 'text/csv' },
});

test('the dossier import is for this province’s administrators only', async () => {
  await expectOnly(ask, ADMINS, () => csv('a.csv'));
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: `/api/v1/admin/imports/${randomUUID()}` }));
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: `/api/v1/admin/imports/${randomUUID()}/errors.csv` }));

  const started = await ask('provinceAdmin', csv('b.csv'));
  assert.equal(started.statusCode, 202, started.body);
  const id = started.json().id as string;
  const foreign = await ask('foreignAdmin', { method: 'GET', url: `/api/v1/admin/imports/${id}` });
  assert.equal(foreign.statusCode, 403, 'another province’s administrator does not see this province’s import');
  // Refused before the query string is read: nothing of the route's fields is told.
  const bad = await ask('foreignAdmin', { ...csv(''), url: '/api/v1/admin/imports?name=' });
  assert.equal(bad.statusCode, 403);
});

test('every change of an admin route leaves an audit row with before/after', async () => {
  await ask('systemAdmin', { method: 'POST', url: '/api/v1/admin/portal-sync/retry-failed', payload: {} });
  const rows = await t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'change'])
    .where('statusCode', '<', 300)
    .where('action', 'like', 'P% /api/v1/admin/%')
    .execute();
  const actions = new Set(rows.map((r) => r.action));
  assert.ok(actions.has('POST /api/v1/admin/imports'), 'the import is audited');
  assert.ok(actions.has('POST /api/v1/admin/portal-sync/retry-failed'), 'the retry is audited');
  for (const r of rows) assert.ok(r.change !== null, `${r.action} has no before/after`);
});

test('signing credentials are listed and revoked by this province’s administrators only, each revocation audited', async () => {
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: '/api/v1/admin/signing/credentials' }));
  const revoke = (id: string) => ({
    method: 'POST' as const,
    url: `/api/v1/admin/signing/credentials/${id}/revoke`,
    payload: { reason: 'Mất thiết bị' },
  });
  // An id that names nothing: administrators hear "not found", everyone else is refused first.
  await expectOnly(ask, ADMINS, () => revoke(randomUUID()));

  // The leader's credential exists once they asked for a signing code.
  const otp = await ask('leader', { method: 'POST', url: '/api/v1/signing/otp', payload: {} });
  assert.equal(otp.statusCode, 200, otp.body);
  const list = await ask('provinceAdmin', { method: 'GET', url: '/api/v1/admin/signing/credentials' });
  const active = (list.json() as { id: string; status: string }[]).find((c) => c.status === 'active');
  assert.ok(active, 'the demo has an active credential');
  assert.equal((await ask('foreignAdmin', revoke(active.id))).statusCode, 403);
  const done = await ask('provinceAdmin', revoke(active.id));
  assert.equal(done.statusCode, 200, done.body);
  const row = await t.ctx.db
    .selectFrom('auditLog')
    .select('change')
    .where('action', '=', `POST /api/v1/admin/signing/credentials/${active.id}/revoke`)
    .where('statusCode', '=', 200)
    .executeTakeFirstOrThrow();
  const change = row.change as { before: { status: string }; after: { status: string } };
  assert.equal(change.before.status, 'active');
  assert.equal(change.after.status, 'revoked');
});
