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

const SIGNED_IN = PEOPLE.filter((p) => p !== 'anonymous');

test('each signed-in person reads their own notifications; the public key is public', async () => {
  await expectOnly(ask, SIGNED_IN, () => ({ method: 'GET', url: '/api/v1/notifications' }));
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/notifications/vapid-public-key' }));
});

test("someone else's notification is not marked read (404), whoever asks", async () => {
  const res = await ask('citizen', { method: 'POST', url: '/api/v1/notifications/999999999/read', payload: {} });
  assert.equal(res.statusCode, 404);
});

test("failed deliveries are for this province's administrators only", async () => {
  await expectOnly(ask, ADMINS, () => ({ method: 'GET', url: '/api/v1/admin/notification-failures' }));
});
