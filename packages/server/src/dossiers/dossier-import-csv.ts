import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { join, parse as parsePath } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import type { AppContext } from '../http/context';
import {
  discardAbandonedBatches,
  discardBatch,
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportRecord,
  type ImportResult,
  type ImportRowError,
  moveBatch,
  stageBatch,
} from './dossier-import';

/**
 * A CSV file of DOMAIN.md §9 imported in batches (memory bounded by the batch, not the file): every
 * good row is imported and every bad one — line, column, reason — written to `<name>.errors.csv`
 * beside the input. The one code path of both the CLI (`npm run import`) and the web import of the
 * reports screen. Idempotent: rows whose code is already there with the same data are duplicates.
 */
export interface CsvImportSummary {
  rows: number;
  inserted: number;
  duplicates: number;
  /** Rows whose code is already there with other data (they are in the errors file too). */
  conflicts: number;
  /** The first ERRORS_KEPT bad rows (the file has them all). */
  errors: ImportRowError[];
  /** Every bad row, conflicts included: the true count. */
  errorCount: number;
  /** The full list of bad rows beside the input, or null when there was none. */
  errorsFile: string | null;
}

export interface CsvImportOptions {
  /** After each batch: the bytes of the file read so far and the counts. */
  onProgress?: (bytesRead: number, summary: CsvImportSummary) => void | Promise<void>;
  onError?: (e: ImportRowError) => void;
  /** Rows per batch (one transaction each). The web import uses small ones to stay responsive. */
  batchSize?: number;
  /** Give the event loop a turn between batches (a server answering requests meanwhile). */
  yieldBetweenBatches?: boolean;
  /** Stops between two batches (the server shutting down): the batches done so far stay. */
  signal?: AbortSignal;
}

const BATCH = 20_000;
const ERRORS_KEPT = 10_000;

/** dossiers.csv → dossiers.errors.csv, in the same folder. */
export function errorsFileFor(path: string): string {
  const { dir, name, ext } = parsePath(path);
  return join(dir, `${ext.toLowerCase() === '.csv' ? name : `${name}${ext}`}.errors.csv`);
}

const csvField = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;

/** The reason without its leading "column: ", which the file has in its own column. */
const bareReason = (e: ImportRowError) =>
  e.column && e.reason.startsWith(`${e.column}: `) ? e.reason.slice(e.column.length + 2) : e.reason;

export async function importCsvFile(ctx: AppContext, path: string, options: CsvImportOptions = {}): Promise<CsvImportSummary> {
  const { onProgress = () => {}, onError = () => {}, batchSize = BATCH, yieldBetweenBatches = false, signal } = options;
  const errorsPath = errorsFileFor(path);
  const summary: CsvImportSummary = {
    rows: 0,
    inserted: 0,
    duplicates: 0,
    conflicts: 0,
    errors: [],
    errorCount: 0,
    errorsFile: null,
  };
  await discardAbandonedBatches(ctx);
  const input = createReadStream(path);
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | undefined;
  let batch: ImportRecord[] = [];
  let out: WriteStream | undefined;
  const report = (e: ImportRowError) => {
    summary.errorCount += 1;
    if (e.conflict) summary.conflicts += 1;
    if (summary.errors.length < ERRORS_KEPT) summary.errors.push(e);
    if (!out) {
      out = createWriteStream(errorsPath);
      out.write('line,column,reason\n');
      summary.errorsFile = errorsPath;
    }
    out.write(`${e.line},${e.column},${csvField(bareReason(e))}\n`);
    onError(e);
  };
  // While a batch moves (set-based, in the database), the next one is read, checked and copied in.
  let moving: Promise<void> | undefined;
  // Progress says how far the rows are done (moved), not how far the next batch has been read.
  const afterMove = async (r: ImportResult, bytesRead: number, rows: number) => {
    summary.inserted += r.inserted;
    summary.duplicates += r.duplicates;
    for (const e of r.errors) report(e);
    await onProgress(bytesRead, { ...summary, rows });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const records = batch;
    const [bytesRead, rows] = [input.bytesRead, summary.rows];
    batch = [];
    const staged = await stageBatch(ctx, records);
    try {
      await moving;
      signal?.throwIfAborted();
    } catch (err) {
      await discardBatch(ctx, staged);
      throw err;
    }
    moving = moveBatch(ctx, staged).then((r) => afterMove(r, bytesRead, rows));
    // Awaited before the next batch or at the end; until then its failure must not go unhandled.
    moving.catch(() => {});
    if (yieldBetweenBatches) await nextTurn();
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
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await moving;
  } finally {
    await moving?.catch(() => {});
    input.destroy();
    const stream = out;
    if (stream) await new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done())));
  }
  // A clean run must not leave the list of an earlier run beside the file.
  if (!out) rmSync(errorsPath, { force: true });
  return summary;
}
