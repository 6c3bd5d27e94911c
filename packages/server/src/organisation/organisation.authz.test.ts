import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { ADMINS, type Ask, asker, expectOnly, signInPeople } from './authz.test-helpers';

let t: TestApp;
let ask: Ask;
before(async () => {
  t = await createTestApp();
  ask = asker(t, await signInPeople(t));
});
after(() => t.close());

const agencyBody = (code: string) => ({ code, name: 'Phòng kiểm thử quyền', kind: 'other', unitCode: '51' });

test("agencies are administered by this province's administrators only, not by one of another province", async () => {
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: '/api/v1/admin/agencies' }));
  let n = 0;
  await expectOnly(ask, ADMINS, () => ({
    method: 'POST',
    url: '/api/v1/admin/agencies',
    payload: agencyBody(`KT.AUTHZ.${++n}`),
  }));
  await expectOnly(ask, ADMINS, () => ({
    method: 'PUT',
    url: '/api/v1/admin/agencies/KT.AUTHZ.10',
    payload: { name: 'Phòng kiểm thử quyền (đổi tên)', kind: 'other', unitCode: '51' },
  }));
  // A refused caller learns nothing of the body's fields: 403 even for an empty body.
  const empty = await ask('receiver', { method: 'POST', url: '/api/v1/admin/agencies/KT.AUTHZ.10/close', payload: {} });
  assert.equal(empty.statusCode, 403);
  // Created above by the province administrator (the tenth asker) and the system administrator.
  await expectOnly(ask, ADMINS, () => ({
    method: 'POST',
    url: '/api/v1/admin/agencies/KT.AUTHZ.11/close',
    payload: { validTo: '2030-01-01' },
  }));
});

test('targets and procedure sets: the same administrators', async () => {
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: '/api/v1/admin/targets' }));
  await expectOnly(ask, ADMINS, () => ({
    method: 'PUT',
    url: '/api/v1/admin/target-groups/AUTHZ',
    payload: { name: 'Nhóm kiểm thử quyền', procedureCodes: ['1.001612'] },
  }));
  await expectOnly(ask, ADMINS, () => ({
    method: 'POST',
    url: '/api/v1/admin/targets',
    payload: { groupCode: 'AUTHZ', validFrom: '2030-01-01', onlineRate: 0.5, legalBasis: 'Kiểm thử phân quyền' },
  }));
});

test('handover and leave: the administrators; the answer for an unknown officer is 404', async () => {
  const specialist = await t.ctx.db
    .selectFrom('userAccount')
    .select('id')
    .where('phone', '=', '0905000012')
    .executeTakeFirstOrThrow();
  await expectOnly(ask, ADMINS, () => ({
    method: 'POST',
    url: `/api/v1/admin/staff/${specialist.id}/back-from-leave`,
    payload: {},
  }));
  const unknown = await ask('provinceAdmin', {
    method: 'POST',
    url: '/api/v1/admin/staff/00000000-0000-4000-8000-000000000000/handover',
    payload: { toUserId: null },
  });
  assert.equal(unknown.statusCode, 404);
});

test('every administrative change above left an audit row with before/after', async () => {
  const rows = await t.ctx.db
    .selectFrom('auditLog')
    .select(['action', 'change'])
    .where('statusCode', 'in', [200, 201])
    .where('action', 'like', 'P% /api/v1/admin/%')
    .execute();
  assert.ok(rows.length >= 6);
  for (const r of rows) assert.ok(r.change !== null, `${r.action} has no before/after`);
});
