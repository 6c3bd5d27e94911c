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

const SIGNED_IN = PEOPLE.filter((p) => p !== 'anonymous');
const NO_SUCH_FILE = 'a'.repeat(64);

test('uploads need a session; a file nobody showed you reads as missing', async () => {
  await expectOnly(ask, SIGNED_IN, () => ({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': '10',
      'upload-metadata': `filename ${Buffer.from('a.pdf').toString('base64')},procedureCode ${Buffer.from('1.001612').toString('base64')},componentId ${Buffer.from('giay-de-nghi').toString('base64')}`,
    },
  }));
  assert.equal((await ask('anonymous', { method: 'GET', url: `/api/v1/files/${NO_SUCH_FILE}` })).statusCode, 401);
  for (const who of SIGNED_IN) {
    const res = await ask(who, { method: 'GET', url: `/api/v1/files/${NO_SUCH_FILE}` });
    assert.equal(res.statusCode, 404, who);
  }
});
