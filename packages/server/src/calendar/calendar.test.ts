import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dueAt, OFFICIAL_CALENDAR_2023_2026 } from '@dvc/domain';
import { DEMO_PASSWORD } from '../identity/identity.seed';
import { createTestApp, type TestApp } from '../test/harness';
import { seedCalendar } from './calendar.seed';
import { loadWorkingCalendar } from './calendar.service';

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: new Date('2026-01-05T03:00:00Z') });
});
after(() => t.close());

/** Signs in through the login route; returns the headers a browser would send afterwards. */
async function signIn(phone: string): Promise<Record<string, string>> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: DEMO_PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': res.json().csrfToken };
}

const PROVINCE_ADMIN = '0905000091';
const RECEIVER = '0905000021';

test('the public calendar of 2026 lists Tết, the swapped days and the Saturday made up', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/calendar?year=2026' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  const off = new Map(body.daysOff.map((d: { date: string; name: string }) => [d.date, d.name]));
  for (const d of [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-20',
    '2026-04-26',
    '2026-04-27',
    '2026-09-02',
  ]) {
    assert.ok(off.has(d), `${d} is a day off`);
  }
  assert.equal(off.get('2026-02-17'), 'Tết Nguyên đán (mùng 1)');
  assert.ok(!off.has('2026-02-14'), 'ordinary weekends are not listed');
  assert.deepEqual(
    body.workingDays.map((d: { date: string }) => d.date),
    ['2026-01-10'],
  );
  const unverified = body.overrides.filter((o: { needsVerification: boolean }) => o.needsVerification);
  assert.deepEqual(
    unverified.map((o: { date: string }) => o.date),
    ['2026-09-01'],
  );
  assert.ok(!('updatedBy' in body.overrides[0]), 'who edited is not public');
});

test('a year without official data still shows the computed holidays', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/calendar?year=2027' });
  assert.equal(res.statusCode, 200);
  const dates = res.json().daysOff.map((d: { date: string }) => d.date);
  assert.ok(dates.includes('2027-02-06'), 'mùng 1 Tết Đinh Mùi');
  assert.deepEqual(res.json().overrides, []);
});

test('a bad year is a 400 naming the field', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/calendar?year=abc' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().errors[0].field, 'querystring.year');
});

test('changing the calendar needs a session (401) and an administrator role (403)', async () => {
  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2026-09-03',
    payload: { kind: 'day_off', name: 'Nghỉ thêm' },
  });
  assert.equal(put.statusCode, 401);
  assert.equal(put.json().title, 'Vui lòng đăng nhập để tiếp tục');
  const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-01-02' });
  assert.equal(del.statusCode, 401);

  const headers = await signIn(RECEIVER);
  const asReceiver = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2026-09-03',
    headers,
    payload: { kind: 'day_off', name: 'Nghỉ thêm' },
  });
  assert.equal(asReceiver.statusCode, 403);
});

test('a province administrator sets and removes a day, and due dates follow', async () => {
  const headers = await signIn(PROVINCE_ADMIN);
  // 01/9 and 02/9/2026 are days off: one day from Monday 31/8 16:00 ends Thursday 03/9 16:00.
  const initial = await loadWorkingCalendar(t.ctx, { from: 2026, to: 2026 });
  const received = new Date('2026-08-31T09:00:00Z'); // Monday 31/8 16:00 in Vietnam
  assert.equal(dueAt(received, { workingDays: 1 }, initial).toISOString(), '2026-09-03T09:00:00.000Z');

  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2026-09-03',
    headers,
    payload: { kind: 'day_off', name: 'Nghỉ thêm dịp Quốc khánh', source: 'Thông báo giả định trong kiểm thử' },
  });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().kind, 'day_off');
  assert.equal(put.json().needsVerification, false);
  const after = await loadWorkingCalendar(t.ctx, { from: 2026, to: 2026 });
  assert.equal(after.isWorkingDay('2026-09-03'), false);
  assert.equal(dueAt(received, { workingDays: 1 }, after).toISOString(), '2026-09-04T09:00:00.000Z'); // Friday 16:00

  // The administrator confirms 01/9 by writing it: the flag "to verify" goes away.
  const confirm = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2026-09-01',
    headers,
    payload: { kind: 'day_off', name: 'Quốc khánh (ngày liền kề)', source: 'Thông báo chính thức' },
  });
  assert.equal(confirm.statusCode, 200);
  assert.equal(confirm.json().needsVerification, false);

  const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-09-03', headers });
  assert.equal(del.statusCode, 200);
  const again = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-09-03', headers });
  assert.equal(again.statusCode, 404);
  assert.equal((await loadWorkingCalendar(t.ctx, { from: 2026, to: 2026 })).isWorkingDay('2026-09-03'), true);
});

test('the override endpoint rejects impossible dates and unknown fields', async () => {
  const headers = await signIn(PROVINCE_ADMIN);
  const bad = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2026-02-30',
    headers,
    payload: { kind: 'day_off', name: 'Không có' },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, 'params.date');
  const extra = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/overrides/2026-03-02',
    headers,
    payload: { kind: 'day_off', name: 'Nghỉ', color: 'red' },
  });
  assert.equal(extra.statusCode, 400);
});

test('the seed loads each year once: a deleted official day stays deleted after a restart', async () => {
  const headers = await signIn(PROVINCE_ADMIN);
  const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2025-05-02', headers });
  assert.equal(del.statusCode, 200);
  assert.deepEqual(await seedCalendar(t.ctx, true), []);
  const rows = await t.ctx.db.selectFrom('calendarOverride').select('date').where('provinceCode', '=', '51').execute();
  assert.equal(rows.length, OFFICIAL_CALENDAR_2023_2026.length - 1, 'the official rows but the deleted one');
  assert.ok(!rows.some((r) => r.date === '2025-05-02'));
});
