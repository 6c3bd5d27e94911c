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

test('verifying a result is public: everyone gets the same answer for a code that does not exist', async () => {
  await expectOnly(ask, PEOPLE, () => ({ method: 'GET', url: '/api/v1/verify/ABCDEFGH23' }));
  const statuses = new Set<number>();
  for (const who of PEOPLE) statuses.add((await ask(who, { method: 'GET', url: '/api/v1/verify/ABCDEFGH23' })).statusCode);
  assert.equal(statuses.size, 1, 'a session changes nothing');
  const page = await ask('anonymous', { method: 'GET', url: '/xac-minh/ABCDEFGH23' });
  assert.ok(page.statusCode === 200 || page.statusCode === 404, String(page.statusCode));
});

test("a dossier's result is read only by those who may see the dossier", async () => {
  for (const who of ['anonymous', 'citizen', 'receiver'] as const) {
    const res = await ask(who, { method: 'GET', url: '/api/v1/dossiers/KHONG-CO/result' });
    assert.equal(res.statusCode, who === 'anonymous' ? 401 : 404, who);
  }
});
