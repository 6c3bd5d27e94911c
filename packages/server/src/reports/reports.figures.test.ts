import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { onlineServiceFigures } from '@dvc/domain/indicators-services';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { SignedIn } from '../identity/identity.test-helpers';
import { pdfText } from '../test/pdf-text';
import { toXlsx } from './reports.export';
import type { CountRow } from './reports.repository';
import { UNAVAILABLE } from './reports.rows';
import { FORMULAS, type IndicatorReport, toIndicatorRow } from './reports.service';
import { createReportsTestApp, getJson, loginAs, PROVINCE_ADMIN, type ReportsTestApp } from './reports.test-helpers';

let t: ReportsTestApp;
let admin: SignedIn;

/**
 * March 2024 (before the 2025 rearrangement), written straight into the daily aggregates the report
 * reads: the province's own service centre, a district (Bình Sơn, 524) and one of its communes (Châu Ổ).
 */
const MARCH_2024 = [
  // unit, procedure, channel, received, fee-bearing, paid online
  ['51', '1.001612', 'web', 10, 10, 6],
  ['51', '1.001612', 'direct', 5, 5, 0],
  ['524', '1.001612', 'mobile', 4, 4, 0],
  ['524', '1.001612', 'direct', 6, 0, 0],
  ['21040', '1.001266', 'web', 3, 3, 0],
  ['21040', '1.001266', 'direct', 7, 2, 0],
] as const;

before(async () => {
  t = await createReportsTestApp({ history: false });
  admin = await loginAs(t.api, PROVINCE_ADMIN);
  for (const [unit, procedure, channel, received, fee, paid] of MARCH_2024) {
    await sql`insert into report_daily (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel,
                received, fee_bearing, paid_online)
              values ('51', '2024-03-12', ${unit}, true, ${`A.${unit}`}, ${procedure}, ${channel}, ${received}, ${fee}, ${paid})`.execute(
      t.ctx.db,
    );
  }
  // Bình Sơn's two months before: 3 and 5 of 20 online, then 7 of 20 in March (with Châu Ổ): +10 points a month.
  for (const [day, channel, received] of [
    ['2024-01-15', 'web', 3],
    ['2024-01-15', 'direct', 17],
    ['2024-02-15', 'web', 5],
    ['2024-02-15', 'direct', 15],
  ] as const) {
    await sql`insert into report_daily (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel, received)
              values ('51', ${day}, '524', true, 'A.524', '1.001612', ${channel}, ${received})`.execute(t.ctx.db);
  }
});
after(() => t.close());

async function indicators(query: string) {
  const res = await getJson(t.api, admin, `/api/v1/reports/indicators?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as IndicatorReport;
}

function counts(over: Partial<CountRow>): CountRow {
  const zero = { key: '', oldEra: false } as CountRow;
  return Object.assign(
    zero,
    {
      carried: 0,
      received: 0,
      direct: 0,
      web: 0,
      mobile: 0,
      phone: 0,
      componentsDigitized: 0,
      feeBearing: 0,
      paidOnline: 0,
      paidAmount: 0,
      apologised: 0,
      finished: 0,
      finishedOnTime: 0,
      resolved: 0,
      resultDigitized: 0,
      resultElectronic: 0,
      digitizedBoth: 0,
      withdrawn: 0,
      overdueOpen: 0,
      complained: 0,
    },
    over,
  );
}

function reportOf(c: CountRow): IndicatorReport {
  const row = toIndicatorRow('524', 'Huyện Bình Sơn', c);
  return {
    period: { from: '2024-03-01', to: '2024-03-31', label: 'Tháng 03/2024' },
    groupBy: 'unit',
    era: 'old',
    level: 'district',
    procedureGroup: null,
    target: null,
    rows: [row],
    total: toIndicatorRow('', 'Tổng cộng', c),
    classification: null,
    formulas: FORMULAS,
    levels: [],
    onlineServices: onlineServiceFigures([], []),
    unavailable: UNAVAILABLE,
    interlinked: [],
  };
}

test('an exact half rounds up the same way on screen, in CSV and in Excel: 23 of 160 online is 14,38% everywhere', async () => {
  const report = reportOf(counts({ received: 160, web: 23, direct: 137, feeBearing: 800, paidOnline: 29 }));
  assert.equal(report.total.ratesText.online, '14,38%');
  assert.equal(report.total.ratesText.onlinePayment, '3,63%');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chỉ số');
  assert.ok(ws);
  const heads = (ws.getRow(1).values as unknown[]).slice(1);
  const cell = (h: string) => ws.getRow(ws.rowCount).getCell(heads.indexOf(h) + 1).value;
  // The workbook holds the rounded figure, so no spreadsheet re-rounds the raw ratio its own way.
  assert.equal(cell(FORMULAS.online.label), 0.1438);
  assert.equal(cell(FORMULAS.onlinePayment.label), 0.0363);
});

test('the report totals dossiers by the level of the unit that received them: province, district, commune', async () => {
  for (const groupBy of ['unit', 'procedure', 'month']) {
    const r = await indicators(`period=2024-03&groupBy=${groupBy}`);
    const levels = r.levels.map((l) => [l.name, l.online, l.received, l.ratesText.online]);
    assert.deepEqual(
      levels,
      [
        ['Cấp tỉnh', 10, 15, '66,67%'],
        ['Cấp huyện', 4, 10, '40,00%'],
        ['Cấp xã', 3, 10, '30,00%'],
      ],
      groupBy,
    );
    assert.equal(r.total.received, 35);
  }
  // The screen's trend and agency lists ask for the rows alone.
  const bare = await indicators('period=2024-03&groupBy=month&figures=false');
  assert.deepEqual([bare.levels, bare.onlineServices, bare.total.received], [[], null, 35]);
  // After the rearrangement a month with no new dossier still lists its levels, at "—"; the old
  // units' dossiers still open are carried over under the level they were received at.
  const now = await indicators('period=2025-09');
  assert.deepEqual(
    now.levels.map((l) => [l.key, l.received, l.carriedOver, l.ratesText.online]),
    [
      ['province', 0, 15, '—'],
      ['district', 0, 50, '—'],
      ['commune', 0, 10, '—'],
    ],
  );
});

test('online services: procedures offered and with dossiers by service level, and payment per transaction and per procedure', async () => {
  const r = await indicators('period=2024-03&procedureGroup=HKD-THI-DIEM');
  const s = r.onlineServices;
  assert.ok(s);
  assert.deepEqual([s.all.procedures, s.full.procedures, s.partial.procedures], [2, 2, 0]);
  assert.deepEqual([s.all.withDossiers, s.full.withDossiers], [2, 2]);
  assert.deepEqual([s.full.online, s.full.received, s.full.onlineText], [17, 35, '48,57%']);
  // 6 of 24 fee-bearing dossiers paid online; 1 of the 2 procedures with a fee had an online payment.
  assert.deepEqual(
    [s.paymentByTransaction.paidOnline, s.paymentByTransaction.feeBearing, s.paymentByTransaction.text],
    [6, 24, '25,00%'],
  );
  assert.deepEqual(
    [s.paymentByProcedure.paidOnline, s.paymentByProcedure.feeBearing, s.paymentByProcedure.text],
    [1, 2, '50,00%'],
  );
  assert.equal(r.total.ratesText.onlinePayment, '25,00%');

  const partial = (await indicators('period=2024-03&procedure=1.001731')).onlineServices;
  assert.ok(partial);
  assert.deepEqual([partial.partial.procedures, partial.partial.withDossiers, partial.full.procedures], [1, 0, 0]);
});

test('the reuse rate says "chưa có dữ liệu" on screen, in CSV, Excel and PDF: there is no reuse data yet, and it is never 0', async () => {
  const r = await indicators('period=2024-03');
  assert.equal(r.total.rates.reuse, null);
  assert.equal(r.total.ratesText.reuse, 'chưa có dữ liệu');
  assert.ok(r.rows.every((row) => row.ratesText.reuse === 'chưa có dữ liệu'));
  assert.ok(r.unavailable.reuse);
  const csv = await getJson(t.api, admin, '/api/v1/reports/indicators?period=2024-03', 'text/csv');
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.ok(lines[0]?.endsWith(FORMULAS.reuse.label), lines[0]);
  assert.ok(lines.at(-1)?.endsWith(',chưa có dữ liệu'), lines.at(-1));
  const x = await t.api.inject({
    method: 'GET',
    url: '/api/v1/reports/indicators.xlsx?period=2024-03',
    headers: { cookie: admin.cookie },
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chỉ số');
  assert.ok(ws);
  const heads = (ws.getRow(1).values as unknown[]).slice(1);
  assert.equal(ws.getRow(ws.rowCount).getCell(heads.indexOf(FORMULAS.reuse.label) + 1).value, 'chưa có dữ liệu');
  const pdf = await getJson(t.api, admin, '/api/v1/reports/indicators.pdf?period=2024-03');
  const text = await pdfText(pdf.rawPayload);
  assert.match(text, /Tỷ lệ tái sử dụng dữ liệu số hóa: chưa có dữ liệu/);
  assert.match(text, /Cấp tỉnh \(hồ sơ trực tuyến\/tiếp nhận\): 10\/15, đạt tỷ lệ 66,67%/);
  assert.match(text, /Thủ tục có nghĩa vụ tài chính được thanh toán trực tuyến: 1\/2, đạt tỷ lệ 50,00%/);
});

test('a unit below the target gets the month its trend reaches it; one without a trend gets none', async () => {
  // From June 2023 the pilot's procedures are online only (target 100%).
  const r = await indicators('period=2024-03&procedureGroup=HKD-THI-DIEM&era=old&level=district');
  assert.equal(r.target?.text, '100,00%');
  const binhSon = r.rows.find((row) => row.key === '524');
  assert.equal(binhSon?.targetClass, 'below');
  assert.deepEqual([binhSon?.targetProjection?.month, binhSon?.targetProjection?.months], ['2024-10', 3]);
  const province = r.rows.find((row) => row.key === '51');
  assert.equal(province?.targetClass, 'below');
  assert.deepEqual([province?.targetProjection?.month, province?.targetProjection?.reason], [null, 'too_few_months']);
  const pdf = await getJson(
    t.api,
    admin,
    '/api/v1/reports/indicators.pdf?period=2024-03&procedureGroup=HKD-THI-DIEM&era=old&level=district',
  );
  assert.match(await pdfText(pdf.rawPayload), /Huyện Bình Sơn \(dự kiến đạt tháng 10\/2024\)/);
});
