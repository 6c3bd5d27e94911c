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

test("reconciliation is for the desks (their agencies) and this province's administrators", async () => {
  await expectOnly(ask, ['receiver', 'otherReceiver', ...ADMINS], () => ({
    method: 'GET',
    url: '/api/v1/payments/reconciliation?date=2026-11-02',
  }));
});

test("a payment's receipt that is not yours reads as missing; the gateway callbacks need no session", async () => {
  const receipt = await ask('citizen', {
    method: 'GET',
    url: '/api/v1/payments/00000000-0000-4000-8000-000000000000/receipt.pdf',
  });
  assert.equal(receipt.statusCode, 404);
  assert.equal(
    (await ask('anonymous', { method: 'GET', url: '/api/v1/payments/00000000-0000-4000-8000-000000000000/receipt.pdf' }))
      .statusCode,
    401,
  );
  const ipn = await ask('anonymous', { method: 'GET', url: '/api/v1/payments/vnpay/ipn' });
  assert.notEqual(ipn.statusCode, 401);
  assert.equal(ipn.statusCode < 500, true);
});
