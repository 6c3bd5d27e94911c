import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { codesSentTo, latestCode, nextIp, signIn } from './identity.test-helpers';
import { RESET_SENT_MESSAGE } from './password-reset.routes';
import { GUESSES_PER_DAY } from './phone-code-quota';

let t: TestApp;
let clock = new Date('2026-03-02T02:00:00Z');
before(async () => {
  t = await createTestApp({ now: clock });
});
after(() => t.close());

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
  t.setNow(clock);
};
const ask = (phone: string, remoteAddress = nextIp()) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { phone }, remoteAddress });
const confirm = (phone: string, code: string, password: string, remoteAddress = nextIp()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { phone, code, password },
    remoteAddress,
  });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const login = (phone: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password }, remoteAddress: nextIp() });

/** A verified citizen of their own: registered, code entered. */
async function newCitizen(phone: string, password = 'MatKhau123') {
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { phone, password, fullName: 'Lê Thị Quên' },
    remoteAddress: nextIp(),
  });
  assert.equal(reg.statusCode, 201, reg.body);
  const cookie = reg.cookies.find((c) => c.name === 'dvc_sign_up');
  const code = await latestCode(t.app, phone);
  const verified = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/verify-phone',
    payload: { phone, code },
    headers: { cookie: `dvc_sign_up=${cookie?.value}` },
    remoteAddress: nextIp(),
  });
  assert.equal(verified.statusCode, 200, verified.body);
  advance(61_000); // the phone's next code may follow one minute after the last
}

test('a citizen who forgot the password gets a code by SMS, sets a new one, and every old session ends', async () => {
  const phone = '0912000101';
  await newCitizen(phone);
  const phoneA = await signIn(t.app, phone, 'MatKhau123');
  const laptop = await signIn(t.app, phone, 'MatKhau123');

  const asked = await ask(phone);
  assert.equal(asked.statusCode, 202);
  assert.equal(asked.json().message, RESET_SENT_MESSAGE);
  const code = await latestCode(t.app, phone);
  const done = await confirm(phone, code, 'MoiMatKhau456');
  assert.equal(done.statusCode, 204, done.body);

  assert.equal((await me(phoneA.cookie)).statusCode, 401, 'the phone is signed out');
  assert.equal((await me(laptop.cookie)).statusCode, 401, 'the laptop is signed out');
  assert.equal((await login(phone, 'MatKhau123')).statusCode, 401, 'the old password is refused');
  assert.equal((await login(phone, 'MoiMatKhau456')).statusCode, 200, 'the new password signs in');

  const again = await confirm(phone, code, 'KhacNua789');
  assert.equal(again.statusCode, 400, 'a used code is refused');
  assert.equal(again.json().title, 'Mã không đúng hoặc đã hết hạn');
});

test('an unknown phone gets the same answer and no SMS; its confirmation fails like a wrong code', async () => {
  const unknown = '0912000999';
  const known = '0912000102';
  await newCitizen(known);
  const forUnknown = await ask(unknown);
  const forKnown = await ask(known);
  assert.equal(forUnknown.statusCode, forKnown.statusCode);
  assert.deepEqual(forUnknown.json(), forKnown.json());
  assert.deepEqual(await codesSentTo(t.app, unknown).catch(() => []), []);

  const wrongForUnknown = await confirm(unknown, '123456', 'MoiMatKhau456');
  const realCode = await latestCode(t.app, known);
  const wrong = realCode === '000000' ? '111111' : '000000';
  const wrongForKnown = await confirm(known, wrong, 'MoiMatKhau456');
  assert.equal(wrongForUnknown.statusCode, 400);
  assert.deepEqual(wrongForUnknown.json(), wrongForKnown.json());
});

test('an expired code is refused, and only the newest code works', async () => {
  const phone = '0912000103';
  await newCitizen(phone);
  await ask(phone);
  const first = await latestCode(t.app, phone);
  advance(11 * 60_000);
  assert.equal((await confirm(phone, first, 'MoiMatKhau456')).statusCode, 400, 'expired after 10 minutes');

  await ask(phone);
  const second = await latestCode(t.app, phone);
  advance(61_000);
  await ask(phone);
  const third = await latestCode(t.app, phone);
  if (second !== third) assert.equal((await confirm(phone, second, 'MoiMatKhau456')).statusCode, 400, 'an older code');
  assert.equal((await confirm(phone, third, 'MoiMatKhau456')).statusCode, 204);
  assert.equal((await login(phone, 'MoiMatKhau456')).statusCode, 200);
});

test('a code dies after 5 wrong guesses, even the right one is then refused', async () => {
  const phone = '0912000108';
  await newCitizen(phone);
  await ask(phone);
  const code = await latestCode(t.app, phone);
  for (let i = 1; i <= 5; i++) {
    const wrong = String((Number(code) + i) % 1_000_000).padStart(6, '0');
    assert.equal((await confirm(phone, wrong, 'MoiMatKhau456')).statusCode, 400);
  }
  assert.equal((await confirm(phone, code, 'MoiMatKhau456')).statusCode, 400);
  assert.equal((await login(phone, 'MatKhau123')).statusCode, 200, 'the password is unchanged');
});

test('40 guesses at once from 40 addresses: only the daily guesses of the phone are checked, the rest wait a day', async () => {
  const phone = '0912000104';
  await newCitizen(phone);
  await ask(phone);
  const code = await latestCode(t.app, phone);
  const guesses = Array.from({ length: 40 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
  const results = await Promise.all(guesses.map((g, i) => confirm(phone, g, 'MoiMatKhau456', `198.18.40.${i + 1}`)));
  const statuses = results.map((r) => r.statusCode);
  // Ten guesses a day per phone; the sign-up's code used one.
  assert.equal(statuses.filter((s) => s === 400).length, GUESSES_PER_DAY - 1, statuses.join(','));
  assert.equal(statuses.filter((s) => s === 429).length, 40 - (GUESSES_PER_DAY - 1), statuses.join(','));
  const refused = results.find((r) => r.statusCode === 429);
  assert.ok(Number(refused?.headers['retry-after']) > 3600);
  assert.equal((await confirm(phone, code, 'MoiMatKhau456')).statusCode, 429, 'the right code after them waits too');
  assert.equal((await login(phone, 'MatKhau123')).statusCode, 200, 'the password is unchanged');
});

test('two taps with the right code reset the password once', async () => {
  const phone = '0912000105';
  await newCitizen(phone);
  await ask(phone);
  const code = await latestCode(t.app, phone);
  const [a, b] = await Promise.all([confirm(phone, code, 'MoiMatKhau456'), confirm(phone, code, 'KhacHan7890')]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [204, 400]);
  const winner = a.statusCode === 204 ? 'MoiMatKhau456' : 'KhacHan7890';
  assert.equal((await login(phone, winner)).statusCode, 200);
});

test('one phone gets at most one code a minute and five a day, whatever is asked; the answer stays the same', async () => {
  const phone = '0912000106';
  await newCitizen(phone);
  const burst = await Promise.all(Array.from({ length: 10 }, () => ask(phone)));
  assert.ok(burst.every((r) => r.statusCode === 202));
  assert.equal((await codesSentTo(t.app, phone)).length, 2, 'the sign-up code and one reset code');
  for (let i = 0; i < 8; i++) {
    advance(61_000);
    assert.equal((await ask(phone)).statusCode, 202);
  }
  // Five codes a day for the phone, sign-up's included.
  assert.equal((await codesSentTo(t.app, phone)).length, 5);
});

test('one address asking for many phones is slowed down', async () => {
  const address = '203.0.113.77';
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await ask(`09130001${String(i).padStart(2, '0')}`, address)).statusCode);
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(202));
  assert.equal(statuses[11], 429);
  const refused = await ask('0913000199', address);
  assert.equal(refused.statusCode, 429);
  assert.match(refused.json().detail, /^Vui lòng thử lại sau \d+ (giây|phút)\.$/);
});

test('an officer cannot reset by SMS (the administrator sends their code), and learns nothing from the answer', async () => {
  const officer = '0905000011';
  const asked = await ask(officer);
  assert.equal(asked.statusCode, 202);
  assert.equal(asked.json().message, RESET_SENT_MESSAGE);
  const outbox = await codesSentTo(t.app, officer).catch(() => []);
  assert.equal(outbox.length, 0);
  assert.equal((await login(officer, DEMO_PASSWORD)).statusCode, 200);
});

test('a weak new password is refused before the code is used', async () => {
  const phone = '0912000107';
  await newCitizen(phone);
  await ask(phone);
  const code = await latestCode(t.app, phone);
  const weak = await confirm(phone, code, 'abc');
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().errors[0].field, 'body.password');
  assert.equal((await confirm(phone, code, 'MoiMatKhau456')).statusCode, 204, 'the code still works');
});
