import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@dvc/domain';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';
import { copyLines, copyValue } from './dossier-import-copy';
import { moveOrSplit, repeatsOf } from './dossier-import-move';
import {
  type ImportLookup,
  type ImportRecord,
  type ImportRowError,
  type ParsedImportRow,
  parseImportRecord,
} from './dossier-import-row';

export {
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportRecord,
  type ImportRowError,
  parseImportRecord,
} from './dossier-import-row';

/**
 * Historical dossiers (DOMAIN.md §9): validated one by one, inserted idempotently on (province_code,
 * code) — importing the same rows twice changes nothing, a code already there with other data is a
 * conflict reported by line — with a minimal event history (one event per known instant). The only
 * writer of old dossiers; the report aggregates follow in the same statement (decision 014).
 */
export interface ImportResult {
  inserted: number;
  /** Rows whose code was already there with the same data (a second import of the same file). */
  duplicates: number;
  errors: ImportRowError[];
}

const lookups = new WeakMap<Db, Promise<ImportLookup>>();

async function loadLookup(db: Db, provinceCode: string): Promise<ImportLookup> {
  const [unitRows, procRows] = await Promise.all([
    db.selectFrom('adminUnit').select(['code', 'level', 'validFrom', 'validTo']).execute(),
    db.selectFrom('procedure').select(['code', 'name', 'definition']).where('provinceCode', '=', provinceCode).execute(),
  ]);
  const units: ImportLookup['units'] = new Map();
  for (const u of unitRows) {
    const list = units.get(u.code) ?? [];
    list.push({ level: u.level, validFrom: u.validFrom, validTo: u.validTo });
    units.set(u.code, list);
  }
  const procedures: ImportLookup['procedures'] = new Map();
  for (const p of procRows) {
    const a = (p.definition as { authority?: { before2025?: string; from2025?: string; agencyKind?: string } }).authority ?? {};
    procedures.set(p.code, {
      foldedName: foldVietnamese(p.name),
      provinceLevelBefore: a.before2025 === 'province',
      provinceLevelAfter: a.from2025 === 'province',
      industryTrade: a.agencyKind === 'department_industry_trade',
    });
  }
  return { units, procedures };
}

const STAGING = 'dossier_import_staging';
const STAGING_COLUMNS = [
  'province_code',
  'batch_id',
  'line',
  'id',
  'code',
  'procedure_code',
  'agency_code',
  'unit_code',
  'channel',
  'status',
  'delivery',
  'snapshot',
  'submitted_at',
  'received_at',
  'due_at',
  'finished_at',
  'returned_at',
  'withdrawn_at',
  'fee_amount',
  'paid_online',
  'components_total',
  'components_digitized',
  'result_digitized',
  'result_electronic',
  'search_text',
  'events',
] as const;

function stagingLine(batchId: string, line: number, { row: r, events }: ParsedImportRow): string {
  return [
    r.provinceCode,
    batchId,
    line,
    r.id,
    r.code,
    r.procedureCode,
    r.agencyCode,
    r.unitCode,
    r.channel,
    r.status,
    r.delivery,
    r.snapshot,
    r.submittedAt,
    r.receivedAt,
    r.dueAt,
    r.finishedAt,
    r.returnedAt,
    r.withdrawnAt,
    r.feeAmount,
    r.paidOnline,
    r.componentsTotal,
    r.componentsDigitized,
    r.resultDigitized,
    r.resultElectronic,
    r.searchText,
    JSON.stringify(events),
  ]
    .map(copyValue)
    .join('\t');
}

/** A batch checked row by row and copied into the staging table, waiting for its move. */
export interface StagedBatch {
  batchId: string;
  now: Date;
  /** The lines copied into the staging table, in order. */
  lines: number[];
  /** Rows refused by their own check. */
  errors: ImportRowError[];
}

async function lookupOf(ctx: AppContext): Promise<ImportLookup> {
  let lookupP = lookups.get(ctx.db);
  if (!lookupP) {
    lookupP = loadLookup(ctx.db, ctx.config.PROVINCE_CODE);
    lookups.set(ctx.db, lookupP);
  }
  return lookupP;
}

/**
 * The first half of an import: each row is checked on its own (dossier-import-row.ts) and the good
 * ones are streamed with COPY into the staging table (migration 044). On PostgreSQL it runs on a
 * connection of its own, so the next batch is staged while the previous one moves.
 */
export async function stageBatch(ctx: AppContext, records: ImportRecord[]): Promise<StagedBatch> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const lookup = await lookupOf(ctx);
  const staged: StagedBatch = { batchId: randomUUID(), now: ctx.now(), lines: [], errors: [] };
  const copied: string[] = [];
  for (const rec of records) {
    const parsed = parseImportRecord(rec, lookup, provinceCode, staged.now);
    if ('reason' in parsed) staged.errors.push({ line: rec.line, ...parsed });
    else {
      copied.push(stagingLine(staged.batchId, rec.line, parsed));
      staged.lines.push(rec.line);
    }
  }
  staged.lines.sort((a, b) => a - b);
  try {
    await copyLines(ctx.db, STAGING, STAGING_COLUMNS, copied);
  } catch (err) {
    await discardBatch(ctx, staged);
    throw err;
  }
  return staged;
}

/** Batches left by a process killed between their COPY and their move (a live one lasts seconds). */
export async function discardAbandonedBatches(ctx: AppContext): Promise<void> {
  await sql`delete from dossier_import_staging where province_code = ${ctx.config.PROVINCE_CODE}
    and staged_at < now() - interval '1 day'`.execute(ctx.db);
}

/** Removes what is left of a batch in the staging table (after its move, or instead of it). */
export async function discardBatch(ctx: AppContext, staged: StagedBatch): Promise<void> {
  if (staged.lines.length === 0) return;
  await sql`delete from dossier_import_staging where province_code = ${ctx.config.PROVINCE_CODE}
    and batch_id = ${staged.batchId}`.execute(ctx.db);
}

/**
 * The second half, in one transaction: repeats and conflicts are found, and the new dossiers moved
 * with their events, in set-based statements — the report aggregates follow in the insert's own
 * statement (decision 014). A code already present with the same data is a duplicate and left untouched, with
 * other data a conflict reported by line. Bad rows never stop the good ones.
 */
export async function moveBatch(ctx: AppContext, staged: StagedBatch): Promise<ImportResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const { batchId, now } = staged;
  const errors = [...staged.errors];
  let inserted = 0;
  let duplicates = 0;
  if (staged.lines.length > 0) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const skipped = new Set<number>();
        for (const r of await repeatsOf(trx, provinceCode, batchId)) {
          skipped.add(r.line);
          if (r.diff.length === 0) duplicates += 1;
          else errors.push(conflict(r.line, r.code, r.firstLine ? `ở dòng ${r.firstLine}` : 'trong cơ sở dữ liệu', r.diff));
        }
        const toMove = staged.lines.filter((line) => !skipped.has(line));
        const checked = errors.length;
        if (skipped.size > 0) {
          await sql`delete from dossier_import_staging where province_code = ${provinceCode} and batch_id = ${batchId}
            and line = any(${[...skipped]}::int[])`.execute(trx);
        }
        if (toMove.length > 0) inserted = await moveOrSplit(trx, { provinceCode, batchId, now }, toMove, errors);
        // Rows neither moved nor refused were inserted meanwhile by another import with this code.
        duplicates += toMove.length - inserted - (errors.length - checked);
      });
    } finally {
      await discardBatch(ctx, staged);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { inserted, duplicates, errors };
}

/** Validates and imports historical dossiers: stageBatch, then moveBatch. */
export async function importHistoricalDossiers(ctx: AppContext, records: ImportRecord[]): Promise<ImportResult> {
  return moveBatch(ctx, await stageBatch(ctx, records));
}

function conflict(line: number, code: string, where: string, diff: string[]): ImportRowError {
  return {
    line,
    column: 'code',
    conflict: true,
    reason: `code: mã hồ sơ "${code}" đã có ${where} với dữ liệu khác (${diff.join(', ')}) — xung đột, dòng không được nhập`,
  };
}
