import { createReadStream, createWriteStream, rmSync, statSync, type WriteStream } from 'node:fs';
import { join, parse as parse_, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import { loadConfigOrExit } from '../config';
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
 * batch, not the file), imports every good row and writes every bad one — line, column, reason — to
 * dossiers.errors.csv beside the input. Idempotent: rows whose code is already there are skipped.
 */
export interface CsvImportSummary {
  rows: number;
  inserted: number;
  duplicates: number;
  /** The first ERRORS_KEPT bad rows (the file has them all). */
  errors: ImportRowError[];
  /** Every bad row, the true count. */
  errorCount: number;
  /** The full list of bad rows beside the input, or null when there was none. */
  errorsFile: string | null;
}

const BATCH = 2000;
const ERRORS_KEPT = 10_000;

/** dossiers.csv → dossiers.errors.csv, in the same folder. */
export function errorsFileFor(path: string): string {
  const { dir, name, ext } = parse_(path);
  return join(dir, `${ext.toLowerCase() === '.csv' ? name : `${name}${ext}`}.errors.csv`);
}

const csvField = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;

/** The reason without its leading "column: ", which the file has in its own column. */
const bareReason = (e: ImportRowError) =>
  e.column && e.reason.startsWith(`${e.column}: `) ? e.reason.slice(e.column.length + 2) : e.reason;

export async function importCsvFile(
  ctx: AppContext,
  path: string,
  onProgress: (bytesRead: number, summary: CsvImportSummary) => void = () => {},
  onError: (e: ImportRowError) => void = () => {},
): Promise<CsvImportSummary> {
  const errorsPath = errorsFileFor(path);
  const summary: CsvImportSummary = { rows: 0, inserted: 0, duplicates: 0, errors: [], errorCount: 0, errorsFile: null };
  const input = createReadStream(path);
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | undefined;
  let batch: ImportRecord[] = [];
  let out: WriteStream | undefined;
  const report = (e: ImportRowError) => {
    summary.errorCount += 1;
    if (summary.errors.length < ERRORS_KEPT) summary.errors.push(e);
    if (!out) {
      out = createWriteStream(errorsPath);
      out.write('line,column,reason\n');
      summary.errorsFile = errorsPath;
    }
    out.write(`${e.line},${e.column},${csvField(bareReason(e))}\n`);
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
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const missing = IMPORT_COLUMNS.filter((c) => !header?.includes(c));
        if (missing.length > 0) throw new Error(`Thiếu cột: ${missing.join(', ')} (dòng tiêu đề)`);
        continue;
      }
      summary.rows += 1;
      if (record.length !== header.length) {
        report({ line: info.lines, column: '', reason: `số cột ${record.length}, cần ${header.length}` });
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
  } finally {
    const stream = out;
    if (stream) await new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done())));
  }
  // A clean run must not leave the list of an earlier run beside the file.
  if (!out) rmSync(errorsPath, { force: true });
  return summary;
}

function bar(done: number, total: number): string {
  const width = 30;
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const n = Math.round(f * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${(f * 100).toFixed(1).padStart(5)}%`;
}

const PRINTED_ERRORS = 100;
let errorsPrinted = 0;

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    process.stderr.write('Cách dùng / usage: npm run import -- dossiers.csv\n');
    return 2;
  }
  const config = loadConfigOrExit();
  const path = resolve(config.INIT_CWD ?? process.cwd(), file);
  const size = statSync(path).size;
  // The embedded database must not be opened by two processes: stop the server first (or use DATABASE_URL).
  const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
  try {
    const handle = await openDatabase(config);
    try {
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
          const line = `${bar(bytes, size)}  ${s.rows.toLocaleString('vi-VN')} dòng, ${s.inserted.toLocaleString('vi-VN')} mới, ${s.errorCount.toLocaleString('vi-VN')} lỗi`;
          process.stderr.write(tty ? `\r${line}` : `${line}\n`);
        },
        (e) => {
          if (e.line && errorsPrinted++ < PRINTED_ERRORS) process.stderr.write(`${tty ? '\n' : ''}Dòng ${e.line}: ${e.reason}\n`);
        },
      );
      process.stderr.write(
        `\nXong trong ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.rows} dòng, ${summary.inserted} hồ sơ mới, ` +
          `${summary.duplicates} đã có (bỏ qua), ${summary.errorCount} dòng lỗi.\n`,
      );
      if (summary.errorsFile) process.stderr.write(`Danh sách đầy đủ các dòng lỗi (dòng, cột, lý do): ${summary.errorsFile}\n`);
      return summary.errorCount > 0 ? 1 : 0;
    } finally {
      await handle.close();
    }
  } finally {
    releaseLock();
  }
}
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // A refusal (data dir in use, missing file or column) is a sentence for the user, not a stack trace.
  const code = await main(process.argv.slice(2)).catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    const message = e.code === 'ENOENT' ? `Không tìm thấy tệp / file not found: ${e.path ?? ''}` : (e.message ?? String(err));
    process.stderr.write(`\n${message}\n`);
    return 1;
  });
  process.exit(code);
}
