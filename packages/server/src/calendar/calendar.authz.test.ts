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

test('everyone reads the calendar', async () => {
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/calendar?year=2026' }));
});

test("only this province's administrators change it; one of another province is refused", async () => {
  await expectOnly(ask, ADMINS, () => ({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2031-05-06',
    payload: { kind: 'day_off', name: 'Nghỉ kiểm thử' },
  }));
  // The first administrator removes it, the second finds nothing: both got through.
  await expectOnly(ask, ADMINS, () => ({ method: 'DELETE', url: '/api/v1/calendar/overrides/2031-05-06' }));
  const refused = await ask('foreignAdmin', { method: 'DELETE', url: '/api/v1/calendar/overrides/2026-01-01' });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().title, 'Bạn không có quyền thực hiện thao tác này');
});
