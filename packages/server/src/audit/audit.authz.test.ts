import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Ask, asker, signInPeople } from '../organisation/authz.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let ask: Ask;
before(async () => {
  t = await createTestApp();
  ask = asker(t, await signInPeople(t));
});
after(() => t.close());

test('a refused administrative request is itself audited, with who asked and the refusal', async () => {
  const res = await ask('receiver', { method: 'POST', url: '/api/v1/admin/agencies', payload: {} });
  assert.equal(res.statusCode, 403);
  const anonymous = await ask('anonymous', { method: 'PUT', url: '/api/v1/calendar/overrides/2031-01-01', payload: {} });
  assert.equal(anonymous.statusCode, 401);
  const rows = await t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'actorId', 'statusCode'])
    .where('action', 'in', ['POST /api/v1/admin/agencies', 'PUT /api/v1/calendar/overrides/2031-01-01'])
    .execute();
  const byAction = new Map(rows.map((r) => [r.action, r]));
  assert.equal(byAction.get('POST /api/v1/admin/agencies')?.statusCode, 403);
  assert.ok(byAction.get('POST /api/v1/admin/agencies')?.actorId, 'the officer who asked is named');
  assert.equal(byAction.get('PUT /api/v1/calendar/overrides/2031-01-01')?.statusCode, 401);
  assert.equal(byAction.get('PUT /api/v1/calendar/overrides/2031-01-01')?.actorId, null);
});

test('no route reads or changes the audit trail', async () => {
  for (const method of ['GET', 'DELETE'] as const) {
    const res = await ask('systemAdmin', { method, url: '/api/v1/admin/audit' });
    assert.equal(res.statusCode, 404, method);
  }
});
