import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import {
  IMPORT_COLUMNS,
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
 * writer of old dossiers; the report aggregates follow in the same transaction (migration 010).
 */
export interface ImportResult {
  inserted: number;
  /** Rows whose code was already there with the same data (a second import of the same file). */
  duplicates: number;
  errors: ImportRowError[];
}

const lookups = new WeakMap<Db, Promise<ImportLookup>>();
const CHUNK = 500;

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
      name: p.name,
      provinceLevelBefore: a.before2025 === 'province',
      provinceLevelAfter: a.from2025 === 'province',
      industryTrade: a.agencyKind === 'department_industry_trade',
    });
  }
  return { units, procedures };
}

/** What a row of the CSV says, column by column, to tell a repeated row from a conflicting one. */
const COMPARED = [
  ['procedureCode', 'procedure_code'],
  ['unitCode', 'unit_code'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['submittedAt', 'submitted_at'],
  ['receivedAt', 'received_at'],
  ['dueAt', 'due_at'],
  ['finishedAt', 'resolved_at'],
  ['withdrawnAt', 'resolved_at'],
  ['returnedAt', 'returned_at'],
  ['componentsTotal', 'components_total'],
  ['componentsDigitized', 'components_digitized'],
  ['resultDigitized', 'result_digitized'],
  ['resultElectronic', 'result_electronic'],
  ['feeAmount', 'fee_amount'],
  ['paidOnline', 'paid_online'],
] as const;
type ComparedKey = (typeof COMPARED)[number][0];

const normal = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

/** CSV columns on which two versions of a dossier differ (none: the same data). */
function differences(a: Partial<Record<ComparedKey, unknown>>, b: Partial<Record<ComparedKey, unknown>>): string[] {
  const out = new Set<string>();
  for (const [key, column] of COMPARED) if (normal(a[key]) !== normal(b[key])) out.add(column);
  return [...out];
}

type Good = { line: number; parsed: ParsedImportRow };

async function existingByCode(db: Db, provinceCode: string, codes: string[]) {
  const found = new Map<string, Partial<Record<ComparedKey, unknown>>>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db
      .selectFrom('dossier')
      .select(['code', ...COMPARED.map(([key]) => key)])
      .where('provinceCode', '=', provinceCode)
      .where('code', 'in', codes.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.set(r.code, r);
  }
  return found;
}

async function insertChunk(trx: Transaction<Database>, chunk: Good[]): Promise<number> {
  const ids = await trx
    .insertInto('dossier')
    .values(chunk.map((g) => g.parsed.row))
    .onConflict((oc) => oc.columns(['provinceCode', 'code']).doNothing())
    .returning(['id'])
    .execute();
  const fresh = new Set(ids.map((r) => r.id));
  if (fresh.size > 0) await sql`select report_daily_add_ids(${[...fresh]}::uuid[])`.execute(trx);
  const events = chunk
    .filter((g) => fresh.has(g.parsed.row.id))
    .flatMap((g) => g.parsed.events.map((e) => ({ ...e, dossierId: g.parsed.row.id })));
  for (let j = 0; j < events.length; j += CHUNK * 2) {
    await trx
      .insertInto('dossierEvent')
      .values(events.slice(j, j + CHUNK * 2))
      .execute();
  }
  return fresh.size;
}

/**
 * Inserts a chunk inside a savepoint; when the database refuses it (a limit the row check missed),
 * the chunk is undone and retried in halves down to the single row, which alone is refused with its
 * line — the good rows around it are kept.
 */
async function insertOrSplit(trx: Transaction<Database>, chunk: Good[], errors: ImportRowError[]): Promise<number> {
  await sql`savepoint import_chunk`.execute(trx);
  try {
    const n = await insertChunk(trx, chunk);
    await sql`release savepoint import_chunk`.execute(trx);
    return n;
  } catch (err) {
    await sql`rollback to savepoint import_chunk`.execute(trx);
    await sql`release savepoint import_chunk`.execute(trx);
    const [only] = chunk;
    if (chunk.length === 1 && only) {
      const e = err as { message?: string; column?: string };
      const column = (IMPORT_COLUMNS as readonly string[]).includes(e.column ?? '') ? (e.column as string) : '';
      errors.push({
        line: only.line,
        column,
        reason: `${column ? `${column}: ` : ''}cơ sở dữ liệu từ chối dòng này (${e.message ?? String(err)})`,
      });
      return 0;
    }
    const half = Math.ceil(chunk.length / 2);
    return (await insertOrSplit(trx, chunk.slice(0, half), errors)) + (await insertOrSplit(trx, chunk.slice(half), errors));
  }
}

/**
 * Validates and inserts historical dossiers. Bad rows are reported with their line, column and reason
 * and never stop the good ones; a code already present with the same data is counted as a duplicate
 * and left untouched, with other data it is a conflict. One transaction per call: the caller (the CLI)
 * bounds memory by the batch size.
 */
export async function importHistoricalDossiers(ctx: AppContext, records: ImportRecord[]): Promise<ImportResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  let lookupP = lookups.get(ctx.db);
  if (!lookupP) {
    lookupP = loadLookup(ctx.db, provinceCode);
    lookups.set(ctx.db, lookupP);
  }
  const lookup = await lookupP;
  const now = ctx.now();
  const errors: ImportRowError[] = [];
  const byCode = new Map<string, Good>();
  let duplicates = 0;
  for (const rec of records) {
    const parsed = parseImportRecord(rec, lookup, provinceCode, now);
    if ('reason' in parsed) {
      errors.push({ line: rec.line, ...parsed });
      continue;
    }
    const code = parsed.row.code as string;
    const first = byCode.get(code);
    if (!first) byCode.set(code, { line: rec.line, parsed });
    else {
      const diff = differences(first.parsed.row, parsed.row);
      if (diff.length === 0) duplicates += 1;
      else errors.push(conflict(rec.line, code, `ở dòng ${first.line}`, diff));
    }
  }
  const existing = await existingByCode(ctx.db, provinceCode, [...byCode.keys()]);
  const good: Good[] = [];
  for (const [code, g] of byCode) {
    const there = existing.get(code);
    if (!there) good.push(g);
    else {
      const diff = differences(there, g.parsed.row);
      if (diff.length === 0) duplicates += 1;
      else errors.push(conflict(g.line, code, 'trong cơ sở dữ liệu', diff));
    }
  }
  let inserted = 0;
  const checked = errors.length;
  if (good.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      // Aggregates in bulk, still in this transaction (migration 010): far faster than the row trigger.
      await sql`select set_config('dvc.report_bulk', 'on', true)`.execute(trx);
      for (let i = 0; i < good.length; i += CHUNK) inserted += await insertOrSplit(trx, good.slice(i, i + CHUNK), errors);
      await sql`select set_config('dvc.report_bulk', 'off', true)`.execute(trx);
    });
  }
  const refusedInDb = errors.length - checked;
  errors.sort((a, b) => a.line - b.line);
  // Rows neither inserted nor refused were inserted meanwhile by another import with this code.
  return { inserted, duplicates: duplicates + good.length - inserted - refusedInDb, errors };
}

function conflict(line: number, code: string, where: string, diff: string[]): ImportRowError {
  return {
    line,
    column: 'code',
    conflict: true,
    reason: `code: mã hồ sơ "${code}" đã có ${where} với dữ liệu khác (${diff.join(', ')}) — xung đột, dòng không được nhập`,
  };
}
