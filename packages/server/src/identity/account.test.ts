import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { nextIp, type SignedIn, signIn } from './identity.test-helpers';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const withSession = (s: SignedIn) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const me = (s: SignedIn) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
const changePassword = (s: SignedIn, currentPassword: string, newPassword: string) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/v1/auth/password',
    payload: { currentPassword, newPassword },
    headers: withSession(s),
  });
const login = (phone: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password }, remoteAddress: nextIp() });

const CITIZEN = '0905000001';

test('changing the password needs the current one, signs the other devices out and keeps this one', async () => {
  const here = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const other = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const wrong = await changePassword(here, 'khong-dung-1', 'MoiMatKhau456');
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().errors[0].field, 'body.currentPassword');
  assert.equal((await me(other)).statusCode, 200, 'a wrong current password changes nothing');

  const weak = await changePassword(here, DEMO_PASSWORD, 'ngan');
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().errors[0].field, 'body.newPassword');

  const done = await changePassword(here, DEMO_PASSWORD, 'MoiMatKhau456');
  assert.equal(done.statusCode, 200, done.body);
  assert.ok(done.json().endedSessions >= 1);
  assert.equal((await me(here)).statusCode, 200, 'this device stays signed in');
  assert.equal((await me(other)).statusCode, 401, 'the other device is signed out');
  assert.equal((await login(CITIZEN, DEMO_PASSWORD)).statusCode, 401);
  assert.equal((await login(CITIZEN, 'MoiMatKhau456')).statusCode, 200);
  // Back to the demo password for the other tests.
  assert.equal((await changePassword(here, 'MoiMatKhau456', DEMO_PASSWORD)).statusCode, 200);
});

test('a session left open cannot be used to guess the password: after 3 wrong tries it waits (officers too)', async () => {
  const s = await signIn(t.app, '0905000099', DEMO_PASSWORD);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await changePassword(s, `doan-${i}`, 'MoiMatKhau456')).statusCode);
  assert.deepEqual(statuses, [400, 400, 400, 429, 429]);
  const refused = await changePassword(s, DEMO_PASSWORD, 'MoiMatKhau456');
  assert.equal(refused.statusCode, 429, 'even the right one waits its turn');
  assert.ok(Number(refused.headers['retry-after']) >= 1);
});

test('sign out everywhere ends every session of the account, this one too, and no one else’s', async () => {
  const a = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const b = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const officer = await signIn(t.app, '0905000011', DEMO_PASSWORD);
  const c = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const others = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-out-everywhere',
    payload: { includeThisDevice: false },
    headers: withSession(c),
  });
  assert.equal(others.statusCode, 200);
  assert.equal((await me(c)).statusCode, 200, 'this device stays when only the others are asked for');
  assert.equal((await me(a)).statusCode, 401);
  const a2 = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-out-everywhere',
    payload: { includeThisDevice: true },
    headers: withSession(a2),
  });
  assert.equal(res.statusCode, 200);
  assert.ok(res.json().endedSessions >= 2);
  assert.equal((await me(a2)).statusCode, 401);
  assert.equal((await me(b)).statusCode, 401);
  assert.equal((await me(c)).statusCode, 401);
  assert.equal((await me(officer)).statusCode, 200);
  const cleared = res.cookies.find((c) => c.name === 'dvc_session');
  assert.equal(cleared?.value, '', 'the cookie is cleared');
});

test('the profile shows name, phone, e-mail and devices; a new name and e-mail are kept and used by the session', async () => {
  const s = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  const read = await t.app.inject({ method: 'GET', url: '/api/v1/account/profile', headers: { cookie: s.cookie } });
  assert.equal(read.statusCode, 200);
  assert.equal(read.json().phone, CITIZEN);
  assert.ok(read.json().liveSessions >= 1);

  const bad = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/account/profile',
    payload: { fullName: 'Nguyễn Văn An', email: 'khong-phai-email' },
    headers: withSession(s),
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'body.email');

  const saved = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/account/profile',
    payload: { fullName: '  Nguyễn Văn Ân  ', email: 'an@example.vn' },
    headers: withSession(s),
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().fullName, 'Nguyễn Văn Ân');
  assert.equal((await me(s)).json().user.fullName, 'Nguyễn Văn Ân');

  const cleared = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/account/profile',
    payload: { fullName: 'Nguyễn Văn An', email: '' },
    headers: withSession(s),
  });
  assert.equal(cleared.json().email, null);
});

test('a name proved by VNeID is not edited here; the e-mail still is', async () => {
  const s = await signIn(t.app, CITIZEN, DEMO_PASSWORD);
  await t.ctx.db.updateTable('userAccount').set({ citizenId: '051090001234' }).where('phone', '=', CITIZEN).execute();
  try {
    const renamed = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      payload: { fullName: 'Tên Khác', email: null },
      headers: withSession(s),
    });
    assert.equal(renamed.statusCode, 409);
    assert.equal(renamed.json().title, 'Họ tên đã được xác thực qua VNeID');
    const email = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      payload: { fullName: 'Nguyễn Văn An', email: 'an@example.vn' },
      headers: withSession(s),
    });
    assert.equal(email.statusCode, 200);
    assert.equal(email.json().identityVerified, true);
  } finally {
    await t.ctx.db.updateTable('userAccount').set({ citizenId: null }).where('phone', '=', CITIZEN).execute();
  }
});
