import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CITIZEN,
  COMMUNE_RECEIVER,
  createReportsTestApp,
  getJson,
  loginAs,
  PROVINCE_ADMIN,
  type ReportsTestApp,
} from './reports.test-helpers';

let t: ReportsTestApp;
before(async () => {
  t = await createReportsTestApp();
});
after(() => t.close());

const URL = '/api/v1/reports/indicators?period=2022-11&procedureGroup=HKD-THI-DIEM';

test('without a session the report answers 401; a citizen gets 403', async () => {
  assert.equal((await getJson(t.api, null, URL)).statusCode, 401);
  assert.equal((await getJson(t.api, null, URL.replace('indicators?', 'indicators.xlsx?'))).statusCode, 401);
  const citizen = await loginAs(t.api, CITIZEN);
  assert.equal((await getJson(t.api, citizen, URL)).statusCode, 403);
});

test('the province administrator sees the whole province; a commune officer only their own agency', async () => {
  const admin = await loginAs(t.api, PROVINCE_ADMIN);
  assert.equal((await getJson(t.api, admin, URL)).json().total.received, 787);
  const receiver = await loginAs(t.api, COMMUNE_RECEIVER);
  const mine = await getJson(t.api, receiver, URL);
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.json().total.received, 0, 'the districts’ history is not the ward’s');
  assert.equal(mine.json().rows.length, 0, 'no other unit is even listed');
});

test('the public transparency page needs no login and shows province figures by month', async () => {
  const res = await getJson(t.api, null, '/api/v1/public/indicators?year=2023');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.months.length, 5);
  assert.equal(body.total.received, 978 + 801 + 30);
  assert.equal((await getJson(t.api, null, '/api/v1/public/indicators?year=abc')).statusCode, 400);
});

test('the public page gives the figures by locality, for the year or one phase of the pilot, and each phase', async () => {
  const year = (await getJson(t.api, null, '/api/v1/public/indicators?year=2023')).json();
  assert.deepEqual([year.localities.scope.kind, year.localities.era, year.localities.level], ['year', 'old', 'district']);
  assert.equal(year.localities.rows.length, 13);
  const sum = (rows: Array<{ received: number }>) => rows.reduce((s, r) => s + r.received, 0);
  assert.equal(sum(year.localities.rows), 978 + 801 + 30);
  assert.ok(year.localities.rows.some((r: { name: string }) => r.name === 'Huyện Bình Sơn'));
  // Seed 002's phases, province-wide.
  assert.deepEqual(
    year.phases.map((p: { code: string; total: { received: number; onlineRate: string } }) => [p.code, p.total.received]),
    [
      ['thi-diem-gd1', 787],
      ['thi-diem-gd2', 978],
      ['thi-diem-gd3', 801],
    ],
  );
  assert.equal(year.phases[2].total.onlineRate, '97,88%');

  const res = await getJson(t.api, null, '/api/v1/public/indicators?year=2023&phase=thi-diem-gd3');
  assert.equal(res.statusCode, 200, res.body);
  const phase = res.json().localities;
  assert.deepEqual(
    [phase.scope.kind, phase.scope.name, phase.scope.from, phase.scope.to],
    ['phase', 'Thử nghiệm — giai đoạn 3', '2023-03-22', '2023-05-10'],
  );
  assert.equal(sum(phase.rows), 801);
  const unknown = await getJson(t.api, null, '/api/v1/public/indicators?year=2023&phase=khong-co');
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().errors[0].field, 'querystring.phase');
});

test('a bad period is refused in Vietnamese', async () => {
  const admin = await loginAs(t.api, PROVINCE_ADMIN);
  const res = await getJson(t.api, admin, '/api/v1/reports/indicators?period=2023-13');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().title, 'Kỳ báo cáo không hợp lệ');
});
