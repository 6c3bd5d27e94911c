import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMINS, type Ask, asker, expectOnly, PEOPLE, signInPeople } from '../organisation/authz.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let ask: Ask;
before(async () => {
  t = await createTestApp();
  ask = asker(t, await signInPeople(t));
});
after(() => t.close());

test("the national-portal sync queue is read and retried by this province's administrators only", async () => {
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: '/api/v1/admin/portal-sync' }));
  await expectOnly(ask, ADMINS, () => ({ method: 'POST', url: '/api/v1/admin/portal-sync/retry-failed', payload: {} }));
  const refused = await ask('foreignAdmin', { method: 'GET', url: '/api/v1/admin/portal-sync' });
  assert.equal(refused.json().title, 'Bạn không có quyền thực hiện thao tác này');
});
