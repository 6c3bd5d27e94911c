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

test('the catalog of procedures is public, for everyone', async () => {
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/procedures' }));
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/procedures/1.001612' }));
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/procedure-topics' }));
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/procedure-definition.schema.json' }));
  const unknown = await ask('anonymous', { method: 'GET', url: '/api/v1/procedures/9.999999' });
  assert.equal(unknown.statusCode, 404);
});
