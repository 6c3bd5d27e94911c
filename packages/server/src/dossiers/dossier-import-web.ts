import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Selectable, Updateable } from 'kysely';
import type { AppContext } from '../http/context';
import { errorsFileFor, importCsvFile } from './dossier-import-csv';
import type { DossierImportTable } from './dossiers.tables';

/**
 * The web import of the reports screen: the uploaded CSV is streamed to the data dir, then imported
 * by the CLI's own function (dossier-import-csv.ts) as an in-process task — small batches that give
 * the event loop a turn between them — whose progress lands in `dossier_import` (migration 028).
 */
export type DossierImportRow = Selectable<DossierImportTable>;

/** Big enough for a year of the province (317,201 rows ≈ 45 MiB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Rows per transaction: small, so requests arriving meanwhile wait at most one batch. */
const WEB_BATCH = 1000;

const importsDir = (ctx: AppContext) => join(ctx.config.DATA_DIR, 'imports');
const uploadPath = (ctx: AppContext, id: string) => join(importsDir(ctx), `${id}.csv`);
export const errorsPathOf = (ctx: AppContext, id: string) => errorsFileFor(uploadPath(ctx, id));

/** Imports still running in this process: stopped and awaited when the app closes. */
const tasks = new Map<string, { done: Promise<void>; stop: AbortController }>();

export async function stopImports(): Promise<void> {
  for (const task of tasks.values()) task.stop.abort();
  await Promise.allSettled([...tasks.values()].map((task) => task.done));
}

const INTERRUPTED =
  'Lượt nhập bị gián đoạn (máy chủ đã dừng). Hãy nhập lại tệp: các dòng đã nhập sẽ được tính là trùng, không bị nhân đôi.';

export type ReceiveResult = { ok: true; sizeBytes: number } | { ok: false; reason: 'too-large' | 'empty' };

/** Streams the request body to the upload's file, refusing it past `max` bytes. */
export async function receiveUpload(ctx: AppContext, id: string, body: Readable, max = MAX_IMPORT_BYTES): Promise<ReceiveResult> {
  await mkdir(importsDir(ctx), { recursive: true });
  const path = uploadPath(ctx, id);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > max ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(path));
  } catch (err) {
    await rm(path, { force: true });
    if (err instanceof TooLarge) return { ok: false, reason: 'too-large' };
    throw err;
  }
  if (size === 0) {
    await rm(path, { force: true });
    return { ok: false, reason: 'empty' };
  }
  return { ok: true, sizeBytes: (await stat(path)).size };
}

class TooLarge extends Error {}

/** Records the import and starts it in the background; its row tells the screen how far it is. */
export async function startImport(
  ctx: AppContext,
  input: { id: string; provinceCode: string; createdBy: string; fileName: string; sizeBytes: number },
): Promise<DossierImportRow> {
  const now = ctx.now();
  const row = await ctx.db
    .insertInto('dossierImport')
    .values({ ...input, status: 'running', createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  const stop = new AbortController();
  const done = runImport(ctx, input.id, input.provinceCode, stop.signal).finally(() => tasks.delete(input.id));
  tasks.set(input.id, { done, stop });
  return row;
}

async function runImport(ctx: AppContext, id: string, provinceCode: string, signal: AbortSignal): Promise<void> {
  const path = uploadPath(ctx, id);
  const update = (values: Updateable<DossierImportTable>) =>
    ctx.db
      .updateTable('dossierImport')
      .set({ ...values, updatedAt: ctx.now() })
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', id)
      .execute();
  try {
    const summary = await importCsvFile(ctx, path, {
      batchSize: WEB_BATCH,
      yieldBetweenBatches: true,
      signal,
      onProgress: async (bytesRead, s) => {
        await update({
          bytesRead,
          rowsRead: s.rows,
          inserted: s.inserted,
          duplicates: s.duplicates,
          conflicts: s.conflicts,
          badRows: s.errorCount - s.conflicts,
        });
      },
    });
    const { size } = await stat(path);
    await update({
      status: 'done',
      bytesRead: size,
      rowsRead: summary.rows,
      inserted: summary.inserted,
      duplicates: summary.duplicates,
      conflicts: summary.conflicts,
      badRows: summary.errorCount - summary.conflicts,
      hasErrorsFile: summary.errorsFile !== null,
      finishedAt: ctx.now(),
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The missing-columns refusal is a sentence for the user; anything else is ours to look at.
    const failure = signal.aborted
      ? INTERRUPTED
      : message.startsWith('Thiếu cột')
        ? message
        : `Lỗi hệ thống khi nhập tệp (${message.slice(0, 300)})`;
    await update({ status: 'failed', failure, finishedAt: ctx.now() }).catch(() => {});
  } finally {
    // The upload is not kept: its rows are in the database, its bad rows in the errors file.
    await rm(path, { force: true });
  }
}

/** No progress for this long from no task of this process: the server that ran it stopped. */
const STALE_MS = 2 * 60 * 1000;

export async function findImport(ctx: AppContext, provinceCode: string, id: string): Promise<DossierImportRow | undefined> {
  const row = await ctx.db
    .selectFrom('dossierImport')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.status !== 'running' || tasks.has(id) || ctx.now().getTime() - new Date(row.updatedAt).getTime() < STALE_MS) {
    return row;
  }
  // Otherwise the screen would poll a dead import for ever. Its rows so far stay (each batch commits).
  const stopped = await ctx.db
    .updateTable('dossierImport')
    .set({
      status: 'failed',
      failure:
        'Lượt nhập bị gián đoạn (máy chủ đã dừng). Hãy nhập lại tệp: các dòng đã nhập sẽ được tính là trùng, không bị nhân đôi.',
      finishedAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .returningAll()
    .executeTakeFirst();
  return (
    stopped ??
    (await ctx.db
      .selectFrom('dossierImport')
      .selectAll()
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', id)
      .executeTakeFirst())
  );
}
