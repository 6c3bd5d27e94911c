import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import { loadConfig } from '../config';
import { lockDataDir } from '../db/data-dir-lock';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { seed } from '../db/seed/index';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportRecord,
  type ImportRowError,
  importHistoricalDossiers,
} from '../dossiers/dossier-import';
import type { AppContext } from '../http/context';

/**
 * `npm run import -- dossiers.csv`: streams the CSV of DOMAIN.md §9 in batches (memory bounded by the
 * batch, not the file), reports every bad row with its line and reason, imports every good row.
 * Idempotent: rows whose code is already there are skipped.
 */
export interface CsvImportSummary {
  rows: number;
  inserted: number;
  duplicates: number;
  errors: ImportRowError[];
}

const BATCH = 2000;

export async function importCsvFile(
  ctx: AppContext,
  path: string,
  onProgress: (bytesRead: number, summary: CsvImportSummary) => void = () => {},
  onError: (e: ImportRowError) => void = () => {},
): Promise<CsvImportSummary> {
  const summary: CsvImportSummary = { rows: 0, inserted: 0, duplicates: 0, errors: [] };
  const input = createReadStream(path);
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | undefined;
  let batch: ImportRecord[] = [];
  const report = (e: ImportRowError) => {
    // Keep the first 10,000 reasons in memory; every one is still passed to onError.
    if (summary.errors.length < 10_000) summary.errors.push(e);
    onError(e);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await importHistoricalDossiers(ctx, batch);
    summary.inserted += r.inserted;
    summary.duplicates += r.duplicates;
    for (const e of r.errors) report(e);
    batch = [];
    onProgress(input.bytesRead, summary);
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = record.map((h) => h.trim());
      const missing = IMPORT_COLUMNS.filter((c) => !header?.includes(c));
      if (missing.length > 0) throw new Error(`Thiếu cột: ${missing.join(', ')} (dòng tiêu đề)`);
      continue;
    }
    summary.rows += 1;
    if (record.length !== header.length) {
      report({ line: info.lines, reason: `số cột ${record.length}, cần ${header.length}` });
      continue;
    }
    const values: Partial<Record<ImportColumn, string>> = {};
    header.forEach((h, i) => {
      if ((IMPORT_COLUMNS as readonly string[]).includes(h)) values[h as ImportColumn] = record[i];
    });
    batch.push({ line: info.lines, values });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return summary;
}

function bar(done: number, total: number): string {
  const width = 30;
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const n = Math.round(f * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${(f * 100).toFixed(1).padStart(5)}%`;
}

async function main(argv: string[]) {
  const file = argv[0];
  if (!file) {
    process.stderr.write('Cách dùng / usage: npm run import -- dossiers.csv\n');
    process.exit(2);
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const size = statSync(path).size;
  const config = loadConfig();
  // The embedded database must not be opened by two processes: stop the server first (or use DATABASE_URL).
  const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
  const handle = await openDatabase(config);
  await migrate(handle.db);
  const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
  // Reference data (units, catalog, calendar) the rows are checked against; no demo accounts.
  await seed(ctx, { demo: false });
  const started = Date.now();
  const tty = process.stderr.isTTY;
  const summary = await importCsvFile(
    ctx,
    path,
    (bytes, s) => {
      const line = `${bar(bytes, size)}  ${s.rows.toLocaleString('vi-VN')} dòng, ${s.inserted.toLocaleString('vi-VN')} mới, ${s.errors.length} lỗi`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
    (e) => process.stderr.write(`${tty ? '\n' : ''}Dòng ${e.line}: ${e.reason}\n`),
  );
  await handle.close();
  releaseLock();
  process.stderr.write(
    `\nXong trong ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.rows} dòng, ${summary.inserted} hồ sơ mới, ` +
      `${summary.duplicates} đã có (bỏ qua), ${summary.errors.length} dòng lỗi.\n`,
  );
  process.exit(summary.errors.length > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
