import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Ask, asker, expectOnly, signInPeople } from '../organisation/authz.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let ask: Ask;
before(async () => {
  t = await createTestApp();
  ask = asker(t, await signInPeople(t));
});
after(() => t.close());

test('the register of household businesses is read by the officers who work on dossiers, not by a report reader', async () => {
  await expectOnly(
    ask,
    ['receiver', 'specialist', 'leader', 'otherReceiver', 'hotline', 'foreignAdmin', 'provinceAdmin', 'systemAdmin'],
    () => ({ method: 'GET', url: '/api/v1/household-businesses?unitCode=21025' }),
  );
  const reader = await ask('reportReader', { method: 'GET', url: '/api/v1/household-businesses' });
  assert.equal(reader.statusCode, 403);
  assert.equal(reader.json().title, 'Bạn không có quyền thực hiện thao tác này');
});

test("a citizen looks up a business by its number and the owner's id; anonymous may only check a name", async () => {
  // No such business here: the citizen gets through to a 404 of the register, the others are refused.
  await expectOnly(ask, ['citizen'], () => ({
    method: 'GET',
    url: '/api/v1/household-businesses/lookup?registrationNumber=51A8000001&ownerCitizenId=051190123456',
  }));
  const name = await ask('anonymous', {
    method: 'GET',
    url: `/api/v1/household-businesses/name-check?name=${encodeURIComponent('Bánh mì Cô Ba')}&unitCode=21025`,
  });
  assert.equal(name.statusCode, 200, name.body);
});
