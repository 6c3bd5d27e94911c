import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../../packages/server/src/config';
import { type DatabaseHandle, openPglite, openPostgres, rawDriverOf } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { IMPORT_COLUMNS } from '../../packages/server/src/dossiers/dossier-import';
import { importCsvFile } from '../../packages/server/src/dossiers/dossier-import-csv';
import type { AppContext } from '../../packages/server/src/http/context';
import { seed } from '../../packages/server/src/seed';
import { writeHistoryCsv } from './import-generate';

/**
 * History import speed: BENCH_IMPORT_COUNT generated dossiers (default 317,201, a year of the
 * province) imported by the CLI's own function, beside a plain COPY of the same file into an
 * unindexed table of text columns — the floor no import can beat. PostgreSQL when BENCH_DATABASE_URL
 * is set (an owner role: the bench creates its baseline table), else in-memory PGlite. Prints rows/s,
 * their ratio (target ≥ 0.3) and the time a year would take (target < 1 min PostgreSQL, < 5 min PGlite).
 */
const YEAR_ROWS = 317_201;

async function plainCopy(handle: DatabaseHandle, file: string): Promise<number> {
  await sql.raw(`drop table if exists bench_import_plain`).execute(handle.db);
  await sql.raw(`create table bench_import_plain (${IMPORT_COLUMNS.map((c) => `${c} text`).join(', ')})`).execute(handle.db);
  const statement = `copy bench_import_plain from stdin with (format csv, header true)`;
  const driver = rawDriverOf(handle.db);
  const started = performance.now();
  if (driver?.kind === 'postgresql') {
    const client = await driver.pool.connect();
    try {
      await pipeline(createReadStream(file), client.query(copyFrom(statement)));
    } finally {
      client.release();
    }
  } else if (driver?.kind === 'pglite') {
    const blob = new Blob([readFileSync(file)]);
    await driver.pglite.query(statement.replace('stdin', `'/dev/blob'`), [], { blob });
  }
  const ms = performance.now() - started;
  await sql.raw(`drop table bench_import_plain`).execute(handle.db);
  return ms;
}

export async function benchImport(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const count = Number(process.env.BENCH_IMPORT_COUNT ?? YEAR_ROWS);
  const handle = url ? await openPostgres(url) : await openPglite();
  const dir = mkdtempSync(join(tmpdir(), 'dvc-bench-import-'));
  try {
    await migrate(handle.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
    await seed(ctx, { demo: false });
    const year = 2023;
    const [units, procedures] = await Promise.all([
      handle.db
        .selectFrom('adminUnit')
        .select('code')
        .where('level', 'in', ['commune', 'district'])
        .where((eb) => eb.or([eb('validFrom', 'is', null), eb('validFrom', '<=', `${year}-01-01`)]))
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', `${year + 1}-01-01`)]))
        .execute(),
      handle.db.selectFrom('procedure').select('code').where('provinceCode', '=', config.PROVINCE_CODE).limit(200).execute(),
    ]);
    const file = join(dir, 'ho-so-2023.csv');
    await writeHistoryCsv(file, count, { units: units.map((u) => u.code), procedures: procedures.map((p) => p.code), year });
    const mib = statSync(file).size / 2 ** 20;

    const copyMs = await plainCopy(handle, file);
    const started = performance.now();
    const summary = await importCsvFile(ctx, file);
    const importMs = performance.now() - started;
    if (summary.inserted !== count) {
      throw new Error(
        `bench import: ${summary.inserted}/${count} imported; first errors ${JSON.stringify(summary.errors.slice(0, 3))}`,
      );
    }
    const rate = (ms: number) => count / (ms / 1000);
    const ratio = rate(importMs) / rate(copyMs);
    const yearS = YEAR_ROWS / rate(importMs);
    const targetS = handle.kind === 'postgresql' ? 60 : 300;
    const verdict = (ok: boolean) => (ok ? 'ĐẠT / ok' : 'CHƯA ĐẠT / below target');
    console.log(
      `Nhập hồ sơ lịch sử — ${handle.kind}, ${count.toLocaleString('vi-VN')} dòng (${mib.toFixed(1)} MiB, ${units.length} đơn vị)`,
    );
    console.log(
      `  COPY thuần vào bảng không chỉ mục       ${Math.round(rate(copyMs)).toLocaleString('vi-VN').padStart(10)} dòng/s`,
    );
    console.log(
      `  nhập (kiểm tra, trùng, xung đột, sự kiện) ${Math.round(rate(importMs)).toLocaleString('vi-VN').padStart(10)} dòng/s` +
        `   tỉ lệ ${ratio.toFixed(2)} (mục tiêu ≥ 0,3) ${verdict(ratio >= 0.3)}`,
    );
    console.log(
      `  một năm (${YEAR_ROWS.toLocaleString('vi-VN')} dòng) ≈ ${yearS.toFixed(1)} s   mục tiêu < ${targetS} s ${verdict(yearS < targetS)}`,
    );
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import.bench.ts')) await benchImport();
