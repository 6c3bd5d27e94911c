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

test('administrative units are public reference data, for everyone', async () => {
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/admin-units?level=commune' }));
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/admin-units/21548' }));
  const unknown = await ask('anonymous', { method: 'GET', url: '/api/v1/admin-units/99999' });
  assert.equal(unknown.statusCode, 404);
});

test('no route writes units: a change is refused whoever asks', async () => {
  for (const who of PEOPLE) {
    const res = await ask(who, { method: 'POST', url: '/api/v1/admin-units', payload: { code: '99999' } });
    assert.equal(res.statusCode >= 400 && res.statusCode < 500, true, `${who}: ${res.statusCode}`);
    assert.notEqual(res.statusCode, 201);
  }
});
