import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { latestCode, nextIp, type SignedIn, signIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { act, fileOnline, get, householdRegistration, login, post } from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;
let code: string;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  citizen = await login(t.app, 'citizen');
  code = (await fileOnline(t.app, citizen)).code;
});
after(() => t.close());

async function anotherCitizen(): Promise<SignedIn> {
  const phone = '0987654321';
  const password = 'MatKhau2026';
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { phone, password, fullName: 'Lê Thị Cúc' },
    remoteAddress: nextIp(),
  });
  assert.equal(reg.statusCode, 201, reg.body);
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/verify-phone',
    payload: { phone, code: await latestCode(t.app, phone) },
    remoteAddress: nextIp(),
  });
  assert.equal(verify.statusCode, 200, verify.body);
  return signIn(t.app, phone, password);
}

test('without a session nothing is listed, read or filed', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?mine=true' })).statusCode, 401);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}` })).statusCode, 401);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: householdRegistration(),
    headers: { 'idempotency-key': randomUUID() },
  });
  assert.equal(res.statusCode, 401);
});

test("another citizen never sees or touches someone else's dossier", async () => {
  const other = await anotherCitizen();
  assert.equal((await get(t.app, other, `/api/v1/dossiers/${code}`)).statusCode, 404);
  assert.equal((await post(t.app, other, `/api/v1/dossiers/${code}/withdraw`, {})).statusCode, 404);
  const mine = await get(t.app, other, '/api/v1/dossiers?mine=true');
  assert.deepEqual(mine.json().items, []);
});

test("an officer of another commune neither sees nor acts on this commune's dossier", async () => {
  const binhSon = await login(t.app, 'otherReceiver');
  const inbox = await get(t.app, binhSon, '/api/v1/officer/dossiers?tab=all');
  assert.equal(inbox.statusCode, 200);
  assert.ok(!inbox.json().items.some((d: { code: string }) => d.code === code));
  assert.equal(inbox.json().counts.all, 0);
  assert.equal((await get(t.app, binhSon, `/api/v1/dossiers/${code}`)).statusCode, 404);
  assert.equal((await act(t.app, binhSon, code, { type: 'receive' })).statusCode, 404);
});

test('a citizen cannot open the officer inbox or record counter dossiers', async () => {
  assert.equal((await get(t.app, citizen, '/api/v1/officer/dossiers')).statusCode, 403);
  const res = await post(
    t.app,
    citizen,
    '/api/v1/dossiers/counter',
    { ...householdRegistration({ channel: undefined }), applicant: { fullName: 'X Y' } },
    randomUUID(),
  );
  assert.equal(res.statusCode, 403);
});

test('a citizen cannot receive their own dossier; a specialist cannot act on one not assigned to them', async () => {
  assert.equal((await act(t.app, citizen, code, { type: 'receive' })).statusCode, 403);
  const specialist = await login(t.app, 'specialist');
  assert.equal((await act(t.app, specialist, code, { type: 'propose', outcome: 'approve', draft: 'x' })).statusCode, 409);
});

test('a province administrator reads every dossier but cannot act on it', async () => {
  const admin = await login(t.app, 'provinceAdmin');
  assert.equal((await get(t.app, admin, `/api/v1/dossiers/${code}`)).statusCode, 200);
  assert.equal((await act(t.app, admin, code, { type: 'receive' })).statusCode, 403);
});
