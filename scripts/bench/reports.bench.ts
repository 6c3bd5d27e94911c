import { sql } from 'kysely';
import { loadConfig } from '../../packages/server/src/config';
import { openPglite, openPostgres } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { seed } from '../../packages/server/src/db/seed/index';
import { type ImportRecord, importHistoricalDossiers } from '../../packages/server/src/dossiers/dossier-import';
import type { AppContext } from '../../packages/server/src/http/context';
import { countsFromAggregates, countsFromRecords } from '../../packages/server/src/reports/reports.repository';
import { buildIndicatorReport } from '../../packages/server/src/reports/reports.service';

/**
 * Indicator report speed. BENCH_REPORTS_COUNT synthetic dossiers (default 200,000 on in-memory PGlite;
 * 10,000,000 when BENCH_DATABASE_URL names a PostgreSQL server) loaded through the historical import,
 * then p50/p95 of: one year by unit, one month by procedure, the same year recounted from records, and
 * a bare `select count(*) from dossier`.
 */
export async function benchReports(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const count = Number(process.env.BENCH_REPORTS_COUNT ?? (url ? 10_000_000 : 200_000));
  const handle = url ? await openPostgres(url) : await openPglite();
  await migrate(handle.db);
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }) };
  const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: false });
  const units = ['522', '524', '525', '527', '528', '529', '530', '531', '532', '533', '534', '535', '536'];
  const channels = ['direct', 'web', 'mobile', 'phone'];
  const t0 = Date.now();
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
  const loadS = (Date.now() - t0) / 1000;

  async function time(label: string, f: () => Promise<unknown>, runs = 15) {
    const ms: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = performance.now();
      await f();
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]?.toFixed(1);
    console.log(`  ${label.padEnd(44)} p50 ${p(0.5)} ms   p95 ${p(0.95)} ms`);
  }
  const province = config.PROVINCE_CODE;
  const year = { from: '2023-01-01', to: '2024-01-01' };
  console.log(`Báo cáo chỉ số — ${handle.kind}, ${count.toLocaleString('vi-VN')} hồ sơ (nạp ${loadS.toFixed(1)} s)`);
  await time('select count(*) from dossier', () => sql`select count(*) from dossier`.execute(handle.db));
  await time('năm 2023 theo đơn vị (tổng hợp ngày)', () =>
    buildIndicatorReport(ctx, { period: year, periodLabel: '2023', groupBy: 'unit' }),
  );
  await time('tháng 03/2023 theo thủ tục (tổng hợp ngày)', () =>
    buildIndicatorReport(ctx, { period: { from: '2023-03-01', to: '2023-04-01' }, periodLabel: '03/2023', groupBy: 'procedure' }),
  );
  await time(
    'năm 2023 theo đơn vị, đếm lại từ hồ sơ',
    () => countsFromRecords(handle.db, 'unit', { provinceCode: province, period: year }),
    3,
  );
  await time('năm 2023 theo đơn vị, chỉ truy vấn tổng hợp', () =>
    countsFromAggregates(handle.db, 'unit', { provinceCode: province, period: year }),
  );
  await handle.close();
}

if (process.argv[1]?.endsWith('reports.bench.ts')) await benchReports();
