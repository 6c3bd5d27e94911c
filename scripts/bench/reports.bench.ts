import { sql } from 'kysely';
import { loadConfig } from '../../packages/server/src/config';
import { openPglite, openPostgres } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { type ImportRecord, importHistoricalDossiers } from '../../packages/server/src/dossiers/dossier-import';
import type { AppContext } from '../../packages/server/src/http/context';
import { COUNTED_COLUMNS, foldReturning } from '../../packages/server/src/reports/index';
import { countsFromAggregates, countsFromRecords } from '../../packages/server/src/reports/reports.repository';
import { buildIndicatorReport } from '../../packages/server/src/reports/reports.service';
import { seed } from '../../packages/server/src/seed';

const PROCEDURES = [
  '1.001612',
  '1.001266',
  '1.001193',
  '1.004222',
  '1.000656',
  '2.000908',
  '1.003583',
  '1.001022',
  '1.000894',
  '1.004227',
];
const CHANNELS = ['direct', 'web', 'mobile', 'phone'];
const DAYS = 1095;
const CHUNK = 250_000;

/**
 * Loads `count` dossiers with INSERT … SELECT generate_series, CHUNK rows a statement, each folded into
 * the daily aggregates and their monthly rollup in the same statement, as the import does: a realistic spread of
 * 65 communes × 10 procedures × 4 channels × 3 years of days, so the aggregates are dense (every day ×
 * unit × procedure × channel has a row, as a real province's would), each dossier finished 1–5 days
 * after it was filed, some late. Returns the period the dossiers span.
 */
async function loadWithSql(ctx: AppContext, count: number): Promise<{ from: string; to: string }> {
  const units = await sql<{ code: string }>`
    select code from admin_unit where level = 'commune' and valid_from >= '2025-07-01' order by code limit 65`.execute(ctx.db);
  const unitCodes = units.rows.map((u) => u.code);
  const n = unitCodes.length;
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK) - 1;
    // No trigger on dossier (decision 014): the chunk's aggregates are folded in the same statement, as the import does.
    await foldReturning(sql`
      insert into dossier (id, province_code, code, procedure_code, agency_code, unit_code, applicant_name, channel, status,
        form, snapshot, submitted_at, received_at, due_at, finished_at, fee_amount, paid_online, components_total,
        components_digitized, result_digitized, result_electronic, search_text, updated_at)
      select gen_random_uuid(), ${ctx.config.PROVINCE_CODE}, 'BENCH-' || g, (${PROCEDURES}::text[])[1 + g % 10],
        'UBND.' || x.unit, x.unit, 'Bench', (${CHANNELS}::text[])[1 + (g / 10) % 4], 'resolved', '{}', '{}',
        x.t, x.t, x.t + interval '4 days', x.t + ((g % 5) + 1) * interval '1 day', case when g % 3 = 0 then 0 else 50000 end,
        g % 4 = 1, 2, case when g % 7 = 0 then 1 else 2 end, g % 2 = 0, g % 3 = 0, 'bench', now()
      from generate_series(${start}::bigint, ${end}::bigint) g
      cross join lateral (
        select (${unitCodes}::text[])[1 + ((g / 40) % ${n})::int] as unit,
          timestamptz '2025-07-01 08:00:00+07' + ((g / (40 * ${n})) % ${DAYS}) * interval '1 day' + (g % 480) * interval '1 minute' as t
      ) x
      returning 1::smallint as sign, ${COUNTED_COLUMNS}`).execute(ctx.db);
    process.stderr.write(`\r  nạp ${end + 1}/${count}`);
  }
  process.stderr.write('\n');
  return { from: '2025-07-01', to: '2028-07-01' };
}

/** The historical import's own path (BENCH_REPORTS_LOAD=import): slower, the same tables and aggregates. */
async function loadThroughImport(ctx: AppContext, count: number): Promise<{ from: string; to: string }> {
  const units = ['522', '524', '525', '527', '528', '529', '530', '531', '532', '533', '534', '535', '536'];
  const channels = CHANNELS;
  const batch = 5000;
  for (let i = 0; i < count; i += batch) {
    const rows: ImportRecord[] = [];
    for (let k = i; k < Math.min(count, i + batch); k += 1) {
      const day = new Date(Date.parse('2021-01-01T01:00:00Z') + (k % 1460) * 86_400_000 + (k % 600) * 60_000);
      const done = new Date(day.getTime() + ((k % 5) + 1) * 86_400_000);
      rows.push({
        line: k + 2,
        values: {
          code: `BENCH-${k}`,
          procedure_code: k % 3 ? '1.001612' : '1.001266',
          unit_code: units[k % units.length],
          channel: channels[k % 4],
          submitted_at: day.toISOString(),
          received_at: day.toISOString(),
          due_at: new Date(day.getTime() + 4 * 86_400_000).toISOString(),
          resolved_at: done.toISOString(),
          status: 'resolved',
          withdrawn: 'false',
          components_total: '2',
          components_digitized: String(k % 7 ? 2 : 1),
          result_digitized: String(k % 2 === 0),
          fee_amount: k % 3 ? '50000' : '0',
          paid_online: String(k % 4 === 1),
        },
      });
    }
    const r = await importHistoricalDossiers(ctx, rows);
    if (r.errors.length) throw new Error(JSON.stringify(r.errors[0]));
    if ((i / batch) % 20 === 0) process.stderr.write(`\r  nạp ${i + rows.length}/${count}`);
  }
  process.stderr.write('\n');
  return { from: '2021-01-01', to: '2025-01-01' };
}

/**
 * Indicator report speed (issue 17, Scale). BENCH_REPORTS_COUNT synthetic dossiers (default 200,000 on
 * in-memory PGlite; 10,000,000 when BENCH_DATABASE_URL names a PostgreSQL server) loaded through the
 * dossier table and the aggregates folded with it, then p50/p95 of: a year by unit, a month by procedure, a
 * phase by channel and the whole history by unit (each beside `select count(*) from dossier`), the
 * same year recounted from records, and the size of the aggregates.
 */
export async function benchReports(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const count = Number(process.env.BENCH_REPORTS_COUNT ?? (url ? 10_000_000 : 200_000));
  const handle = url ? await openPostgres(url) : await openPglite();
  await migrate(handle.db);
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }) };
  const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: false });
  const t0 = Date.now();
  const span = process.env.BENCH_REPORTS_LOAD === 'import' ? await loadThroughImport(ctx, count) : await loadWithSql(ctx, count);
  const loadS = (Date.now() - t0) / 1000;

  /** The report and `select count(*)` one after the other, `runs` times each: both p50/p95 and their ratio. */
  async function time(label: string, f: () => Promise<unknown>, runs = 15) {
    const ms: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      let s = performance.now();
      await f();
      ms.push(performance.now() - s);
      s = performance.now();
      await sql`select count(*) from dossier`.execute(handle.db);
      base.push(performance.now() - s);
    }
    const p = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
    console.log(
      `  ${label.padEnd(46)} p50 ${p(ms, 0.5).toFixed(1).padStart(7)} ms  p95 ${p(ms, 0.95).toFixed(1).padStart(7)} ms` +
        `   count(*) p50 ${p(base, 0.5).toFixed(1)} ms (report ÷ count(*) = ${(p(ms, 0.5) / p(base, 0.5)).toFixed(2)})`,
    );
  }
  const province = config.PROVINCE_CODE;
  const y = Number(span.from.slice(0, 4)) + 1;
  const year = { from: `${y}-01-01`, to: `${y + 1}-01-01` };
  const phase = { from: `${y}-05-15`, to: `${y}-08-21` };
  const sizes = await sql<{ daily: number; monthly: number }>`
    select (select count(*) from report_daily)::int as daily, (select count(*) from report_monthly)::int as monthly`.execute(
    handle.db,
  );
  console.log(
    `Báo cáo chỉ số — ${handle.kind}, ${count.toLocaleString('vi-VN')} hồ sơ (nạp ${loadS.toFixed(1)} s, ` +
      `${Math.round(count / loadS).toLocaleString('vi-VN')} hồ sơ/s); tổng hợp: ${sizes.rows[0]?.daily.toLocaleString('vi-VN')} dòng ngày, ` +
      `${sizes.rows[0]?.monthly.toLocaleString('vi-VN')} dòng tháng`,
  );
  console.log('  (targets, PostgreSQL, dense aggregates: every report p95 < 50 ms; whole history by unit p95 < 100 ms)');
  await time(`năm ${y} theo đơn vị`, () => buildIndicatorReport(ctx, { period: year, periodLabel: String(y), groupBy: 'unit' }));
  await time(`tháng 03/${y} theo thủ tục`, () =>
    buildIndicatorReport(ctx, { period: { from: `${y}-03-01`, to: `${y}-04-01` }, periodLabel: `03/${y}`, groupBy: 'procedure' }),
  );
  await time(`giai đoạn 15/05–20/08/${y} theo kênh`, () =>
    buildIndicatorReport(ctx, { period: phase, periodLabel: 'giai đoạn', groupBy: 'channel' }),
  );
  await time('toàn bộ lịch sử theo đơn vị', () =>
    buildIndicatorReport(ctx, { period: span, periodLabel: 'toàn bộ', groupBy: 'unit' }),
  );
  await time(`năm ${y} theo đơn vị, chỉ truy vấn tổng hợp`, () =>
    countsFromAggregates(handle.db, 'unit', { provinceCode: province, period: year }),
  );
  await time(
    `năm ${y} theo đơn vị, đếm lại từ hồ sơ`,
    () => countsFromRecords(handle.db, 'unit', { provinceCode: province, period: year }),
    3,
  );
  await handle.close();
}

if (process.argv[1]?.endsWith('reports.bench.ts')) await benchReports();
