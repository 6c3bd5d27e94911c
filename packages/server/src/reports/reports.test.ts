import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql, type Updateable } from 'kysely';
import { importCsvFile } from '../cli/import-dossiers';
import { IMPORT_COLUMNS, importHistoricalDossiers } from '../dossiers/dossier-import';
import type { DossierTable } from '../dossiers/dossiers.tables';
import type { SignedIn } from '../identity/identity.test-helpers';
import { type CountRow, countsFromAggregates, countsFromRecords } from './reports.repository';
import { rebuildAggregates, runReportRollup, trackDossierChanges } from './reports.rollup';
import { createReportsTestApp, getJson, loginAs, PROVINCE_ADMIN, type ReportsTestApp } from './reports.test-helpers';

let t: ReportsTestApp;
let admin: SignedIn;

before(async () => {
  t = await createReportsTestApp();
  admin = await loginAs(t.api, PROVINCE_ADMIN);
});
after(() => t.close());

async function indicators(query: string) {
  const res = await getJson(t.api, admin, `/api/v1/reports/indicators?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('each phase of the pilot shows the figures of seed 002, computed from records', async () => {
  const expected = {
    'thi-diem-gd1': { received: 787, direct: 499, online: 288, web: 212, mobile: 76 },
    'thi-diem-gd2': { received: 978, direct: 142, online: 836, web: 194, mobile: 642 },
    'thi-diem-gd3': { received: 801, direct: 17, online: 784, web: 276, mobile: 508 },
  };
  for (const [phase, e] of Object.entries(expected)) {
    const r = await indicators(`period=phase:${phase}&procedureGroup=HKD-THI-DIEM`);
    const { received, direct, online, web, mobile } = r.total;
    assert.deepEqual({ received, direct, online, web, mobile }, e, phase);
  }
  const p3 = await indicators('period=phase:thi-diem-gd3&procedureGroup=HKD-THI-DIEM');
  assert.equal(p3.total.ratesText.online, '97,88%');
  assert.equal(p3.period.from, '2023-03-22');
  assert.equal(p3.period.to, '2023-05-10');
});

test('November 2022 against the 30% target puts each district in the list of seed 000', async () => {
  const r = await indicators('period=2022-11&groupBy=unit&era=old&level=district&procedureGroup=HKD-THI-DIEM');
  assert.equal(r.target.text, '30,00%');
  const names = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'vi'));
  assert.deepEqual(
    names(r.classification.met),
    names([
      'Huyện Bình Sơn',
      'Huyện Mộ Đức',
      'Thị xã Đức Phổ',
      'Huyện Ba Tơ',
      'Huyện Minh Long',
      'Huyện Sơn Hà',
      'Huyện Trà Bồng',
      'Huyện Sơn Tây', // not named by seed 000; see reports/data/README.md
    ]),
  );
  assert.deepEqual(names(r.classification.below), names(['Thành phố Quảng Ngãi', 'Huyện Sơn Tịnh', 'Huyện Nghĩa Hành']));
  assert.deepEqual(names(r.classification.none), names(['Huyện Tư Nghĩa', 'Huyện Lý Sơn']));
  assert.equal(r.rows.length, 13);
});

test('grouped by month, each month carries over what the previous one left open', async () => {
  const r = await indicators('from=2022-11-01&to=2023-05-31&groupBy=month');
  for (let i = 1; i < r.rows.length; i += 1) assert.equal(r.rows[i].carriedOver, r.rows[i - 1].inProgress, r.rows[i].key);
  assert.equal(r.total.received, 787 + 100 + 978 + 801 + 30);
});

test('CSV and Excel carry Vietnamese headers and the same numbers as the JSON', async () => {
  const q = 'period=phase:thi-diem-gd3&procedureGroup=HKD-THI-DIEM';
  const csv = await getJson(t.api, admin, `/api/v1/reports/indicators?${q}`, 'text/csv');
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const header = (lines[0] ?? '').split(',');
  assert.ok(header.includes('Tiếp nhận mới') && header.includes('Trực tiếp') && header.includes('Tỷ lệ hồ sơ trực tuyến'));
  const total = (lines[lines.length - 1] ?? '').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  assert.equal(total[header.indexOf('Tiếp nhận mới')], '801');
  assert.equal(total[header.indexOf('Tỷ lệ hồ sơ trực tuyến')], '"97,88%"');

  const x = await t.api.inject({ method: 'GET', url: `/api/v1/reports/indicators.xlsx?${q}`, headers: { cookie: admin.cookie } });
  assert.equal(x.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Chỉ số');
  assert.ok(ws);
  const heads = (ws.getRow(1).values as unknown[]).slice(1);
  const col = (h: string) => heads.indexOf(h) + 1;
  const last = ws.getRow(ws.rowCount);
  assert.equal(last.getCell(col('Tiếp nhận mới')).value, 801);
  assert.equal(last.getCell(col('Trực tuyến')).value, 784);
  assert.equal(last.getCell(col('Tỷ lệ hồ sơ trực tuyến')).numFmt, '0.00%');
  assert.equal(Number(last.getCell(col('Tỷ lệ hồ sơ trực tuyến')).value).toFixed(4), '0.9788');
});

function csvOf(rows: Array<Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>>): string {
  return [IMPORT_COLUMNS.join(','), ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? '').join(','))].join('\n');
}

const row = (code: string, over: Record<string, string> = {}) => ({
  code,
  procedure_code: '1.001612',
  unit_code: '524',
  channel: 'mobile',
  submitted_at: '2023-06-05T08:00:00+07:00',
  received_at: '2023-06-05T09:00:00+07:00',
  due_at: '2023-06-08T17:00:00+07:00',
  resolved_at: '2023-06-06T10:00:00+07:00',
  returned_at: '2023-06-06T15:00:00+07:00',
  status: 'returned',
  withdrawn: 'false',
  components_total: '3',
  components_digitized: '3',
  result_digitized: 'true',
  result_electronic: 'true',
  fee_amount: '50000',
  paid_online: 'true',
  ...over,
});

test('an import reports the bad row by line and reason, keeps the good ones, and a second run changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-import-'));
  const file = join(dir, 'dossiers.csv');
  writeFileSync(
    file,
    csvOf([
      row('IMP-0001'),
      row('IMP-0002', { submitted_at: '05/06/2023' }),
      row('IMP-0003', { channel: 'web' }),
      row('IMP-0004', { unit_code: '99999' }),
    ]),
  );
  const first = await importCsvFile(t.ctx, file);
  assert.equal(first.inserted, 2);
  assert.deepEqual(
    first.errors.map((e) => e.line),
    [3, 5],
  );
  assert.match(first.errors[0]?.reason ?? '', /submitted_at/);
  assert.match(first.errors[1]?.reason ?? '', /unit_code/);
  const june = () => indicators('period=2023-06&groupBy=unit');
  const before = (await june()).total;
  assert.equal(before.received, 2);
  const second = await importCsvFile(t.ctx, file);
  assert.equal(second.inserted, 0);
  assert.equal(second.duplicates, 2);
  assert.deepEqual((await june()).total, before);
});

// ---------------------------------------------------------------------------------------------
// The aggregates equal a direct recount after any mix of submissions, transitions, withdrawals and imports.

const sortRows = (rows: CountRow[]) => [...rows].sort((a, b) => `${a.key}${a.oldEra}`.localeCompare(`${b.key}${b.oldEra}`));
const nonZero = (rows: CountRow[]) =>
  rows.filter((r) => Object.entries(r).some(([k, v]) => k !== 'oldEra' && k !== 'key' && v !== 0));

test('aggregates equal a recount from records after a random mix of writes', async () => {
  const province = t.ctx.config.PROVINCE_CODE;
  let n = 0;
  const day = fc.integer({ min: 0, max: 40 });
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('submit' as const),
      day,
      channel: fc.constantFrom('direct', 'web', 'mobile', 'phone'),
      unit: fc.constantFrom('524', '522', '21025'),
    }),
    fc.record({ kind: fc.constant('receive' as const), pick: fc.nat(), dueIn: fc.integer({ min: 0, max: 10 }) }),
    fc.record({ kind: fc.constant('supplement' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('apology' as const), pick: fc.nat(), extend: fc.integer({ min: 1, max: 5 }) }),
    fc.record({
      kind: fc.constant('finish' as const),
      pick: fc.nat(),
      after: fc.integer({ min: 0, max: 12 }),
      status: fc.constantFrom('resolved', 'not_received', 'stopped'),
    }),
    fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat(), after: fc.integer({ min: 0, max: 6 }) }),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(op, { minLength: 5, maxLength: 40 }),
      day,
      // Up to 70 days: a period may hold whole months (read from report_monthly) between partial ones.
      fc.integer({ min: 1, max: 70 }),
      async (ops, from, len) => {
        const base = Date.parse('2025-06-20T01:00:00Z');
        const codes: string[] = [];
        for (const o of ops) {
          if (o.kind === 'submit') {
            n += 1;
            const code = `PROP-${n}`;
            const at = new Date(base + o.day * 86_400_000).toISOString();
            // A unit code of the old era before 1 Jul 2025, of the new era after.
            const unit = at < '2025-06-30T17:00:00Z' ? (o.unit === '21025' ? '21031' : o.unit) : '21025';
            const r = await importHistoricalDossiers(t.ctx, [
              {
                line: 1,
                values: {
                  code,
                  procedure_code: '1.001612',
                  unit_code: unit,
                  channel: o.channel,
                  submitted_at: at,
                  status: 'new',
                  withdrawn: 'false',
                  fee_amount: o.day % 2 ? '50000' : '0',
                  paid_online: String(o.day % 3 === 0),
                },
              },
            ]);
            assert.equal(r.inserted, 1, JSON.stringify(r.errors));
            codes.push(code);
            continue;
          }
          const code = codes[o.pick % Math.max(1, codes.length)];
          if (!code) continue;
          const d = await t.ctx.db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
          const open = d.finishedAt === null && d.withdrawnAt === null;
          const plus = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
          // As the dossier writers do (decision 014): the write with its change rows, in one transaction.
          const upd = {
            set: (values: Updateable<DossierTable>) => ({
              execute: () =>
                t.ctx.db
                  .transaction()
                  .execute((trx) =>
                    trackDossierChanges(trx, province, { ids: [d.id] }, () =>
                      trx.updateTable('dossier').where('id', '=', d.id).set(values).execute(),
                    ),
                  ),
            }),
          };
          if (o.kind === 'receive' && open && !d.receivedAt)
            await upd
              .set({ status: 'received', receivedAt: plus(d.submittedAt, 0.1), dueAt: plus(d.submittedAt, o.dueIn) })
              .execute();
          if (o.kind === 'supplement' && open) await upd.set({ supplementCount: d.supplementCount + 1 }).execute();
          if (o.kind === 'apology' && open && d.dueAt)
            await upd.set({ apologyCount: d.apologyCount + 1, dueAt: plus(d.dueAt, o.extend) }).execute();
          if (o.kind === 'finish' && open)
            await upd
              .set({
                status: o.status,
                finishedAt: plus(d.submittedAt, o.after + 0.3),
                resultDigitized: o.after % 2 === 0,
                resultElectronic: o.after % 3 === 0,
              })
              .execute();
          if (o.kind === 'withdraw' && open)
            await upd.set({ status: 'withdrawn', withdrawnAt: plus(d.submittedAt, o.after + 0.2) }).execute();
        }
        const f = new Date(Date.parse('2025-06-20') + from * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.parse(f) + len * 86_400_000).toISOString().slice(0, 10);
        for (const dim of ['unit', 'procedure', 'channel', 'agency'] as const) {
          const filters = { provinceCode: province, period: { from: f, to }, procedureCodes: ['1.001612'] };
          const agg = await countsFromAggregates(t.ctx.db, dim, filters);
          const rec = await countsFromRecords(t.ctx.db, dim, filters);
          assert.deepEqual(sortRows(nonZero(agg)), sortRows(nonZero(rec)), `${dim} ${f}..${to}`);
        }
      },
    ),
    { numRuns: 15 },
  );
  // The monthly rollup (migration 060) is the daily aggregates summed per month, whatever wrote them.
  const drift = await sql<{ n: number }>`
    with daily as (
      select province_code, date_trunc('month', day)::date as month, unit_code, unit_old_era, agency_code, procedure_code,
        channel, sum(received) as received, sum(finished) as finished, sum(withdrawn) as withdrawn,
        sum(overdue_in) as overdue_in, sum(overdue_out) as overdue_out, sum(paid_amount) as paid_amount
      from report_daily group by 1, 2, 3, 4, 5, 6, 7
    ), monthly as (
      select province_code, month, unit_code, unit_old_era, agency_code, procedure_code, channel, received::bigint,
        finished::bigint, withdrawn::bigint, overdue_in::bigint, overdue_out::bigint, paid_amount
      from report_monthly
    ), a as (select * from daily where (received, finished, withdrawn, overdue_in, overdue_out, paid_amount) <> (0, 0, 0, 0, 0, 0)),
       b as (select * from monthly where (received, finished, withdrawn, overdue_in, overdue_out, paid_amount) <> (0, 0, 0, 0, 0, 0))
    select (select count(*) from (select * from a except select * from b) x)::int
         + (select count(*) from (select * from b except select * from a) y)::int as n`.execute(t.ctx.db);
  assert.equal(drift.rows[0]?.n, 0, 'report_monthly differs from report_daily summed by month');
  const total = await sql<{ n: number }>`select count(*)::int as n from dossier where code like 'PROP-%'`.execute(t.ctx.db);
  // The runs did write dossiers (fast-check starts with short op lists: a handful is normal).
  assert.ok((total.rows[0]?.n ?? 0) >= 5, `only ${total.rows[0]?.n} dossiers written`);
});

test('the rollup job moves the waiting change rows into the aggregates and the rebuild recomputes them, the figures unchanged', async () => {
  const filters = { provinceCode: t.ctx.config.PROVINCE_CODE, period: { from: '2025-06-01', to: '2025-09-01' } };
  const waiting = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from report_dossier_change`.execute(t.ctx.db)).rows[0]?.n;
  const figures = async () => sortRows(nonZero(await countsFromAggregates(t.ctx.db, 'unit', filters)));
  const recount = sortRows(nonZero(await countsFromRecords(t.ctx.db, 'unit', filters)));
  assert.ok(((await waiting()) ?? 0) > 0, 'the random mix left change rows waiting');
  assert.deepEqual(await figures(), recount);
  assert.ok((await runReportRollup(t.ctx)) > 0);
  assert.equal(await waiting(), 0);
  assert.deepEqual(await figures(), recount, 'after the rollup');
  await rebuildAggregates(t.ctx.db, t.ctx.config.PROVINCE_CODE);
  assert.deepEqual(await figures(), recount, 'after the rebuild');
  assert.equal((await indicators('period=phase:thi-diem-gd3&procedureGroup=HKD-THI-DIEM')).total.received, 801);
});
