import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { login } from './identity.service';

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
const attempt = (phone: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password }, remoteAddress });
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

test('41 logins at once from 41 addresses: few passwords are checked, and the right one at position 36 does not get in', async () => {
  const phone = '0905000021';
  const results = await Promise.all(
    Array.from({ length: 41 }, (_, i) => attempt(phone, i === 35 ? DEMO_PASSWORD : `sai-matkhau-${i}`, `198.18.1.${i + 1}`)),
  );
  const statuses = results.map((r) => r.statusCode);
  assert.ok(count(statuses, 401) <= 20, `wrong passwords checked: ${count(statuses, 401)}`);
  assert.notEqual(statuses[35], 200, 'the right password after the limit does not sign in');
  assert.equal(count(statuses, 401) + count(statuses, 429), 41, statuses.join(','));
  const refused = results.find((r) => r.statusCode === 429);
  assert.match(refused?.json().title, /^Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau \d+ (giây|phút)$/);
  assert.ok(Number(refused?.headers['retry-after']) >= 1);
});

test('41 logins at once from one address: at most 3 passwords are checked', async () => {
  // The service itself: the route's per-minute limit of the address answers such a burst first.
  const phone = '0905000031';
  const results = await Promise.all(
    Array.from({ length: 41 }, (_, i) =>
      login(t.ctx, { phone, password: i === 35 ? DEMO_PASSWORD : `sai-matkhau-${i}`, ip: '198.18.2.1', userAgent: null }),
    ),
  );
  const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
  assert.ok(reasons.filter((r) => r !== 'throttled').length <= 3, reasons.join(','));
  assert.equal(reasons[35], 'throttled');
});

test('a stranger hammering an officer slows down only themselves: the officer signs in from the desk meanwhile', async () => {
  const officer = '0905000011';
  const stranger = '203.0.113.50';
  const desk = '198.51.100.7';
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await attempt(officer, `doan-mo-${i}`, stranger)).statusCode);
  assert.deepEqual(statuses, [401, 401, 401, 429, 429, 429, 429, 429]);
  const refused = await attempt(officer, DEMO_PASSWORD, stranger);
  assert.equal(refused.statusCode, 429, 'even the right password waits its turn from that address');
  assert.equal(refused.json().title, 'Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau 30 giây');

  const atDesk = await attempt(officer, DEMO_PASSWORD, desk);
  assert.equal(atDesk.statusCode, 200, 'the officer is not locked out');

  // The stranger's delay grows, and it is a delay, not a lock (the service itself: the route's
  // per-minute limit of the address, in real time, would answer first).
  const waits: number[] = [];
  const byService = (password: string) => login(t.ctx, { phone: officer, password, ip: stranger, userAgent: null });
  for (let i = 0; i < 8; i++) {
    // Wait for as long as told, as often as told, then one more guess.
    let waited = 0;
    for (;;) {
      const r = await byService(`doan-tiep-${i}`);
      if (r.ok || r.reason !== 'throttled') {
        assert.equal(r.ok || r.reason, 'invalid-credentials');
        break;
      }
      const wait = r.retryAt.getTime() - clock.getTime();
      assert.ok(wait > 0 && wait <= 15 * 60_000, `never more than 15 minutes (${wait} ms)`);
      waited += wait;
      advance(wait);
    }
    waits.push(waited / 1000);
  }
  assert.equal(waits[0], 30);
  for (let i = 1; i < waits.length; i++) assert.ok((waits[i] ?? 0) >= (waits[i - 1] ?? 0), waits.join(', '));
  assert.ok((waits.at(-1) ?? 0) >= 900, waits.join(', '));
  const later = await byService(DEMO_PASSWORD);
  assert.equal(later.ok || later.reason, 'throttled');
  assert.equal((await attempt(officer, DEMO_PASSWORD, '198.51.100.8')).statusCode, 200, 'from another address: still fine');
});

test('an unknown phone is slowed down exactly like a real one (no way to tell accounts apart)', async () => {
  const run = async (phone: string, address: string) => {
    const out: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await attempt(phone, `sai-${i}`, address);
      out.push(`${res.statusCode} ${res.json().title}`);
    }
    return out;
  };
  assert.deepEqual(await run('0905000041', '203.0.113.60'), await run('0905999123', '203.0.113.61'));
});

test('one address trying many phones is slowed down after 20 tries, other addresses are not', async () => {
  const ctx = t.ctx;
  const ip = '203.0.113.70';
  const reasons: string[] = [];
  for (let i = 0; i < 22; i++) {
    const r = await login(ctx, { phone: `09120001${String(i).padStart(2, '0')}`, password: 'MatKhau123', ip, userAgent: null });
    reasons.push(r.ok ? 'ok' : r.reason);
  }
  assert.deepEqual(reasons, [...Array(20).fill('invalid-credentials'), 'throttled', 'throttled']);
  const other = await login(ctx, { phone: '0905000091', password: DEMO_PASSWORD, ip: '203.0.113.71', userAgent: null });
  assert.equal(other.ok, true);
});

test('guessing from many addresses slows the account down, but not at an address the owner signed in from', async () => {
  const phone = '0905000012';
  const desk = '198.51.100.20';
  assert.equal((await attempt(phone, DEMO_PASSWORD, desk)).statusCode, 200);
  const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(phone, `doan-${i}`, `198.18.3.${i + 1}`)));
  assert.ok(
    count(
      guesses.map((g) => g.statusCode),
      401,
    ) <= 20,
  );
  assert.equal((await attempt(phone, DEMO_PASSWORD, '198.18.3.200')).statusCode, 429, 'a new address waits');
  assert.equal((await attempt(phone, DEMO_PASSWORD, desk)).statusCode, 200, "the owner's desk does not");
});

test('counters that no longer matter are removed when someone signs in', async () => {
  await attempt('0905000013', 'sai-mot-lan', '203.0.113.90');
  const key = 'phone:0905000013@203.0.113.90';
  const exists = () => t.ctx.db.selectFrom('loginThrottle').select('key').where('key', '=', key).executeTakeFirst();
  assert.ok(await exists());
  advance(25 * 3_600_000);
  assert.equal((await attempt('0905000013', DEMO_PASSWORD, '203.0.113.91')).statusCode, 200);
  assert.equal(await exists(), undefined);
});
