import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Ask, asker, expectOnly, PEOPLE, signInPeople } from '../organisation/authz.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let ask: Ask;
before(async () => {
  t = await createTestApp();
  ask = asker(t, await signInPeople(t));
});
after(() => t.close());

test('health and the API documentation are public', async () => {
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/health' }));
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/openapi.json' }));
});

test('an API path that does not exist is a 404 problem in Vietnamese, signed in or not', async () => {
  for (const who of ['anonymous', 'citizen', 'systemAdmin'] as const) {
    const res = await ask(who, { method: 'GET', url: '/api/v1/khong-co' });
    assert.equal(res.statusCode, 404, who);
    assert.ok(typeof res.json().title === 'string' && res.json().title.length > 0);
  }
});
