import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { latestCode, nextIp, sessionCookieOf, signIn } from './identity.test-helpers';

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T03:00:00Z') });
});
after(() => t.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers, remoteAddress: nextIp() });

test('a citizen registers, reads the code from the SMS outbox, verifies, signs in and out', async () => {
  const reg = await post('/api/v1/auth/register', {
    phone: '+84 912 345 678',
    password: 'matkhau123',
    fullName: 'Trương Thị Lan',
  });
  assert.equal(reg.statusCode, 201, reg.body);
  assert.deepEqual(reg.json(), { phone: '0912345678', codeExpiresAt: '2026-03-02T03:05:00.000Z' });

  const outbox = (await t.app.inject({ method: 'GET', url: '/api/dev/sms-outbox?phone=0912345678' })).json();
  assert.equal(outbox.messages.length, 1);
  assert.match(outbox.messages[0].body, /mã xác thực của bạn là \d{6}, có hiệu lực trong 5 phút/);

  const early = await post('/api/v1/auth/login', { phone: '0912345678', password: 'matkhau123' });
  assert.equal(early.statusCode, 403);
  assert.equal(early.json().title, 'Số điện thoại chưa được xác thực');
  assert.equal(sessionCookieOf(early), undefined);

  const code = await latestCode(t.app, '0912345678');
  const verify = await post('/api/v1/auth/verify-phone', { phone: '0912345678', code });
  assert.equal(verify.statusCode, 200, verify.body);

  const login = await post('/api/v1/auth/login', { phone: '0912345678', password: 'matkhau123' });
  assert.equal(login.statusCode, 200, login.body);
  const setCookie = String(login.headers['set-cookie']);
  assert.match(setCookie, /dvc_session=/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  assert.match(setCookie, /Path=\//);
  assert.doesNotMatch(setCookie, /Secure/, 'not Secure outside production, so http://localhost works');
  const cookie = sessionCookieOf(login) as string;
  const { user, csrfToken } = login.json();
  assert.deepEqual(
    { kind: user.kind, fullName: user.fullName, phone: user.phone, roles: user.roles },
    {
      kind: 'citizen',
      fullName: 'Trương Thị Lan',
      phone: '0912345678',
      roles: [],
    },
  );

  const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.id, user.id);
  assert.equal(me.json().csrfToken, csrfToken);

  const out = await post('/api/v1/auth/logout', {}, { cookie, 'x-csrf-token': csrfToken });
  assert.equal(out.statusCode, 204);
  const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().title, 'Vui lòng đăng nhập để tiếp tục');
});

test('registering a verified phone again is refused', async () => {
  const res = await post('/api/v1/auth/register', { phone: '0905000001', password: 'matkhau123', fullName: 'Ai Đó' });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().title, 'Số điện thoại này đã được đăng ký');
});

test('weak passwords and bad phones are listed field by field in Vietnamese', async () => {
  const res = await post('/api/v1/auth/register', { phone: '0123', password: 'short', fullName: 'Lan' });
  assert.equal(res.statusCode, 400);
  const messages = res.json().errors.map((e: { message: string }) => e.message);
  assert.ok(
    messages.some((m: string) => m.startsWith('Số điện thoại di động không hợp lệ')),
    messages.join('; '),
  );
  assert.ok(messages.includes('Mật khẩu phải có ít nhất 8 ký tự'), messages.join('; '));
});

test('a wrong code is refused with the attempts left; after 5 the code is dead; a new code works', async () => {
  await post('/api/v1/auth/register', { phone: '0987654321', password: 'matkhau123', fullName: 'Đỗ Minh Quân' });
  const code = await latestCode(t.app, '0987654321');
  const wrong = code === '000000' ? '111111' : '000000';
  const first = await post('/api/v1/auth/verify-phone', { phone: '0987654321', code: wrong });
  assert.equal(first.statusCode, 400);
  assert.equal(first.json().title, 'Mã xác thực không đúng');
  assert.equal(first.json().detail, 'Bạn còn 4 lần thử.');
  for (let i = 0; i < 4; i++) await post('/api/v1/auth/verify-phone', { phone: '0987654321', code: wrong });
  const dead = await post('/api/v1/auth/verify-phone', { phone: '0987654321', code });
  assert.equal(dead.statusCode, 429, 'even the right code no longer works');

  t.setNow(new Date('2026-03-02T03:02:00Z'));
  const resend = await post('/api/v1/auth/resend-code', { phone: '0987654321' });
  assert.equal(resend.statusCode, 202);
  const fresh = await latestCode(t.app, '0987654321');
  const ok = await post('/api/v1/auth/verify-phone', { phone: '0987654321', code: fresh });
  assert.equal(ok.statusCode, 200, ok.body);
});

test('a code older than 5 minutes has expired', async () => {
  t.setNow(new Date('2026-03-02T04:00:00Z'));
  await post('/api/v1/auth/register', { phone: '0356000111', password: 'matkhau123', fullName: 'Bùi Văn Tâm' });
  const code = await latestCode(t.app, '0356000111');
  t.setNow(new Date('2026-03-02T04:05:01Z'));
  const res = await post('/api/v1/auth/verify-phone', { phone: '0356000111', code });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().title, 'Mã xác thực đã hết hạn');
});

test('a wrong password and an unknown phone get the same answer', async () => {
  const wrongPassword = await post('/api/v1/auth/login', { phone: '0905000013', password: 'saimatkhau1' });
  const unknownPhone = await post('/api/v1/auth/login', { phone: '0905999999', password: 'saimatkhau1' });
  assert.equal(wrongPassword.statusCode, 401);
  assert.deepEqual(wrongPassword.json(), unknownPhone.json());
  assert.equal(unknownPhone.json().title, 'Số điện thoại hoặc mật khẩu không đúng');
});

test('after 3 wrong passwords the next try waits 30 seconds, saying so; then the right one works', async () => {
  t.setNow(new Date('2026-03-02T05:00:00Z'));
  const phone = '0905000012';
  const remoteAddress = '10.77.0.1';
  const attempt = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password }, remoteAddress });
  for (let i = 1; i <= 3; i++) assert.equal((await attempt(`sai-matkhau-${i}`)).statusCode, 401, `attempt ${i}`);
  const fourth = await attempt(DEMO_PASSWORD);
  assert.equal(fourth.statusCode, 429);
  assert.equal(fourth.json().title, 'Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau 30 giây');
  // 05:00:30 UTC is 12:00 in Vietnam.
  assert.equal(fourth.json().detail, 'Có thể đăng nhập lại từ 12:00 ngày 02/03/2026.');
  assert.equal(fourth.headers['retry-after'], '30');

  t.setNow(new Date('2026-03-02T05:00:30Z'));
  assert.equal((await attempt(DEMO_PASSWORD)).statusCode, 200);
});

test('a state-changing request with the session cookie but without its CSRF token is refused', async () => {
  const s = await signIn(t.app, '0905000001', DEMO_PASSWORD);
  const noToken = await post('/api/v1/auth/logout', {}, { cookie: s.cookie });
  assert.equal(noToken.statusCode, 403);
  assert.equal(noToken.json().type, 'https://dvc.quangngai.gov.vn/problems/csrf');
  const wrongToken = await post('/api/v1/auth/logout', {}, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) });
  assert.equal(wrongToken.statusCode, 403);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
  assert.equal(me.statusCode, 200, 'the session survived the forged requests');
});

test('a request from a foreign Origin is refused, from our own origin it passes', async () => {
  const s = await signIn(t.app, '0905000001', DEMO_PASSWORD);
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
  const foreign = await post('/api/v1/auth/logout', {}, { ...headers, origin: 'https://evil.example', host: 'dvc.example' });
  assert.equal(foreign.statusCode, 403);
  assert.equal(foreign.json().type, 'https://dvc.quangngai.gov.vn/problems/csrf');
  const anonymousForeign = await post(
    '/api/v1/auth/login',
    { phone: '0905000001', password: DEMO_PASSWORD },
    { origin: 'https://evil.example' },
  );
  assert.equal(anonymousForeign.statusCode, 403, 'a login forced from another site is refused too');
  const own = await post('/api/v1/auth/logout', {}, { ...headers, origin: 'https://dvc.example', host: 'dvc.example' });
  assert.equal(own.statusCode, 204);
});

test('auth routes are throttled per address with a Vietnamese 429', async () => {
  const remoteAddress = '10.9.9.9';
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/resend-code',
      payload: { phone: '0905999998' },
      remoteAddress,
    });
    statuses.push(res.statusCode);
    if (i === 10) assert.equal(res.json().title, 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút');
  }
  assert.deepEqual(statuses, [...Array(10).fill(202), 429]);
});
