import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { codesSentTo, nextIp, signUpCookieOf } from './identity.test-helpers';

let t: TestApp;
let clock = new Date('2026-04-01T01:00:00Z');
before(async () => {
  t = await createTestApp({ now: clock });
});
after(() => t.close());

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
  t.setNow(clock);
};
const post = (url: string, payload: object, cookie = '') =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: nextIp(), headers: cookie ? { cookie } : {} });
const register = (phone: string, password: string, fullName = 'Người Đăng Ký') =>
  post('/api/v1/auth/register', { phone, password, fullName });
const verify = (phone: string, code: string, cookie = '') => post('/api/v1/auth/verify-phone', { phone, code }, cookie);
const loginStatus = async (phone: string, password: string) => (await post('/api/v1/auth/login', { phone, password })).statusCode;
const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

test('25 registrations of one phone at once send one SMS; the others are told a code was just sent', async () => {
  const phone = '0912555001';
  const results = await Promise.all(Array.from({ length: 25 }, (_, i) => register(phone, `MatKhau-${i}-2026`)));
  const statuses = results.map((r) => r.statusCode);
  assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
  assert.equal(statuses.filter((s) => s === 429).length, 24);
  const refused = results.find((r) => r.statusCode === 429);
  assert.equal(refused?.json().title, 'Mã xác thực vừa được gửi tới số điện thoại này');
  assert.match(refused?.json().detail, /chờ \d+ (giây|phút) rồi yêu cầu mã mới/);
  assert.equal((await codesSentTo(t.app, phone)).length, 1);
});

test('register and resend share the resend interval and a daily cap of 5 codes per phone', async () => {
  const phone = '0912555002';
  const sent = async () => (await codesSentTo(t.app, phone)).length;
  assert.equal((await register(phone, 'MatKhau2026')).statusCode, 201);
  advance(30_000);
  assert.equal((await post('/api/v1/auth/resend-code', { phone })).statusCode, 202);
  assert.equal((await register(phone, 'MatKhau2026')).statusCode, 429);
  assert.equal(await sent(), 1, 'no code within a minute of the last, by either path');
  for (let i = 0; i < 4; i++) {
    advance(61_000);
    const res = i % 2 ? await register(phone, 'MatKhau2026') : await post('/api/v1/auth/resend-code', { phone });
    assert.ok([201, 202].includes(res.statusCode), res.body);
  }
  assert.equal(await sent(), 5);
  advance(61_000);
  const capped = await register(phone, 'MatKhau2026');
  assert.equal(capped.statusCode, 429);
  assert.equal(capped.json().title, 'Số điện thoại này đã nhận đủ số mã xác thực cho phép trong ngày');
  await post('/api/v1/auth/resend-code', { phone });
  assert.equal(await sent(), 5, 'the cap holds for resend too');
  advance(24 * 3_600_000);
  assert.equal((await register(phone, 'MatKhau2026')).statusCode, 201, 'the next day it works again');
  assert.equal(await sent(), 6);
});

test('guesses are counted per phone: fresh codes bring no fresh guesses', async () => {
  const phone = '0912555003';
  const reg = await register(phone, 'MatKhau2026');
  const cookie = signUpCookieOf(reg);
  for (let round = 0; round < 2; round++) {
    const [code = ''] = await codesSentTo(t.app, phone);
    for (let i = 0; i < 5; i++) await verify(phone, wrongCode(code), cookie);
    advance(61_000);
    assert.equal((await post('/api/v1/auth/resend-code', { phone }, cookie)).statusCode, 202);
  }
  const [fresh = ''] = await codesSentTo(t.app, phone);
  const res = await verify(phone, fresh, cookie);
  assert.equal(res.statusCode, 429, 'ten wrong guesses today: even the right code waits');
  assert.equal(res.json().title, 'Bạn đã nhập sai mã xác thực quá nhiều lần');
  assert.match(res.json().detail, /^Vui lòng thử lại sau \d+ giờ\.$/);
  assert.equal(await loginStatus(phone, 'MatKhau2026'), 403, 'still unverified');
});

test("re-registering a pending phone does not replace its password; the owner's own code sets the owner's", async () => {
  const phone = '0912555004';
  const owner = await register(phone, 'ChuSoHuu2026', 'Chủ Số Máy');
  assert.equal(owner.statusCode, 201);
  advance(61_000);
  const stranger = await register(phone, 'KeLa2026xx', 'Kẻ Lạ');
  assert.equal(stranger.statusCode, 201, 'a squatter cannot block the owner either');
  assert.equal(await loginStatus(phone, 'KeLa2026xx'), 401, "the stranger's password did not replace the owner's");
  assert.equal(await loginStatus(phone, 'ChuSoHuu2026'), 403);

  const [strangersCode = '', ownersCode = ''] = await codesSentTo(t.app, phone);
  const mixedUp = await verify(phone, strangersCode, signUpCookieOf(owner));
  assert.equal(mixedUp.statusCode, 400, "the stranger's code, typed in the owner's browser, is not the owner's");
  assert.equal((await verify(phone, ownersCode, signUpCookieOf(stranger))).statusCode, 400);
  assert.equal((await verify(phone, ownersCode)).json().type.endsWith('/sign-up-unknown'), true);
  const ok = await verify(phone, ownersCode, signUpCookieOf(owner));
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await loginStatus(phone, 'ChuSoHuu2026'), 200);
  assert.equal(await loginStatus(phone, 'KeLa2026xx'), 401);
});

test('a squatter who registered first does not keep the account: the owner registers and verifies with their own', async () => {
  const phone = '0912555005';
  const stranger = await register(phone, 'KeLa2026xx', 'Kẻ Lạ');
  advance(61_000);
  const owner = await register(phone, 'ChuSoHuu2026', 'Chủ Số Máy');
  const [ownersCode = ''] = await codesSentTo(t.app, phone);
  assert.equal((await verify(phone, ownersCode, signUpCookieOf(stranger))).statusCode, 400);
  assert.equal((await verify(phone, ownersCode, signUpCookieOf(owner))).statusCode, 200);
  assert.equal(await loginStatus(phone, 'ChuSoHuu2026'), 200);
  assert.equal(await loginStatus(phone, 'KeLa2026xx'), 401);
  const me = await t.ctx.db.selectFrom('userAccount').select('fullName').where('phone', '=', phone).executeTakeFirstOrThrow();
  assert.equal(me.fullName, 'Chủ Số Máy');
});
