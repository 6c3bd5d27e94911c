import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { copyLines, copyValue } from './dossier-import-copy';
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
const COMPARED: ReadonlyArray<[columns: string, csvColumn: string]> = [
  ['procedure_code', 'procedure_code'],
  ['unit_code', 'unit_code'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['submitted_at', 'submitted_at'],
  ['received_at', 'received_at'],
  ['due_at', 'due_at'],
  // Both come from the CSV's resolved_at (a withdrawal's instant is its end instant).
  ['finished_at, withdrawn_at', 'resolved_at'],
  ['returned_at', 'returned_at'],
  ['components_total', 'components_total'],
  ['components_digitized', 'components_digitized'],
  ['result_digitized', 'result_digitized'],
  ['result_electronic', 'result_electronic'],
  ['fee_amount', 'fee_amount'],
  ['paid_online', 'paid_online'],
];

/** The CSV columns on which rows a and b differ, as a text[] (empty: the same data). */
function differences(a: string, b: string) {
  const cols = (alias: string, columns: string) => `(${columns.replace(/(\w+)/g, `${alias}.$1`)})`;
  const cases = COMPARED.map(
    ([columns, csv]) => `case when ${cols(a, columns)} is distinct from ${cols(b, columns)} then '${csv}' end`,
  );
  return sql.raw(`array_remove(array[${cases.join(', ')}]::text[], null)`);
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

type Repeat = { line: number; code: string; firstLine: number | null; diff: string[] };

/**
 * A row whose code is already in the database is compared with that dossier; otherwise every later row
 * of a code in the batch is compared with its first. Same data: a duplicate; other data: a conflict.
 */
async function repeatsOf(trx: Transaction<Database>, provinceCode: string, batchId: string): Promise<Repeat[]> {
  // A batch just copied in has no statistics: each part keeps to plans that stay linear whatever the
  // planner guesses (index probes into dossier, one sort of the batch for the repeats).
  const r = await sql<Repeat>`
    select s.line, s.code, null::int as first_line, ${differences('s', 'd')} as diff
      from dossier_import_staging s
      join dossier d on d.province_code = s.province_code and d.code = s.code
      where s.province_code = ${provinceCode} and s.batch_id = ${batchId}
    union all
    select (x.s).line, (x.s).code, (x.f).line, ${differences('(x.s)', '(x.f)')}
      from (
        select s, first_value(s) over (partition by s.code order by s.line) as f
        from dossier_import_staging s
        where s.province_code = ${provinceCode} and s.batch_id = ${batchId}
          and not exists (select from dossier d where d.province_code = s.province_code and d.code = s.code)
      ) x
      where (x.f).line <> (x.s).line`.execute(trx);
  return r.rows;
}

/** Moves the staged rows of these lines (first to last) into dossier, then their events. */
async function moveLines(trx: Transaction<Database>, provinceCode: string, batchId: string, lines: number[], now: Date) {
  const inLines = sql`province_code = ${provinceCode} and batch_id = ${batchId} and line between ${lines[0]} and ${lines.at(-1)}`;
  const r = await sql<{ n: number }>`
    with ins as (
      insert into dossier (id, province_code, code, procedure_code, agency_code, unit_code, applicant_name, channel,
        status, delivery, form, snapshot, submitted_at, received_at, due_at, finished_at, returned_at, withdrawn_at,
        supplement_count, apology_count, fee_amount, paid_online, components_total, components_digitized,
        result_digitized, result_electronic, search_text, updated_at)
      select id, province_code, code, procedure_code, agency_code, unit_code, 'Dữ liệu lịch sử', channel,
        status, delivery, '{}', snapshot, submitted_at, received_at, due_at, finished_at, returned_at, withdrawn_at,
        0, 0, fee_amount, paid_online, components_total, components_digitized,
        result_digitized, result_electronic, search_text, ${now}
      from dossier_import_staging where ${inLines}
      on conflict (province_code, code) do nothing
      returning 1
    )
    select count(*)::int as n from ins`.execute(trx);
  const n = r.rows[0]?.n ?? 0;
  // A row another import inserted meanwhile (its code taken) has no dossier of this id: no events.
  const all = n === lines.length;
  await sql`
    insert into dossier_event (province_code, dossier_id, seq, type, from_status, to_status, actor_role, at, note, payload)
    select s.province_code, s.id, e.seq, e.step->>0, e.step->>1, e.step->>2, 'system', (e.step->>3)::timestamptz,
      'Nhập dữ liệu lịch sử', '{"import":true}'
    from dossier_import_staging s
    cross join lateral jsonb_array_elements(s.events) with ordinality as e(step, seq)
    where ${inLines} ${all ? sql`` : sql`and exists (select from dossier d where d.id = s.id)`}`.execute(trx);
  return n;
}

/**
 * Moves the lines inside a savepoint; when the database refuses them (a limit the row check missed),
 * they are undone and retried in halves down to the single row, which alone is refused with its
 * line — the good rows around it are kept.
 */
async function moveOrSplit(
  trx: Transaction<Database>,
  at: { provinceCode: string; batchId: string; now: Date },
  lines: number[],
  errors: ImportRowError[],
): Promise<number> {
  await sql`savepoint import_chunk`.execute(trx);
  try {
    const n = await moveLines(trx, at.provinceCode, at.batchId, lines, at.now);
    await sql`release savepoint import_chunk`.execute(trx);
    return n;
  } catch (err) {
    await sql`rollback to savepoint import_chunk`.execute(trx);
    await sql`release savepoint import_chunk`.execute(trx);
    const [only] = lines;
    if (lines.length === 1 && only !== undefined) {
      const e = err as { message?: string; column?: string };
      const column = (IMPORT_COLUMNS as readonly string[]).includes(e.column ?? '') ? (e.column as string) : '';
      errors.push({
        line: only,
        column,
        reason: `${column ? `${column}: ` : ''}cơ sở dữ liệu từ chối dòng này (${e.message ?? String(err)})`,
      });
      return 0;
    }
    const half = Math.ceil(lines.length / 2);
    return (await moveOrSplit(trx, at, lines.slice(0, half), errors)) + (await moveOrSplit(trx, at, lines.slice(half), errors));
  }
}

/**
 * Validates and imports historical dossiers: each row is checked on its own (dossier-import-row.ts)
 * and the good ones are streamed with COPY into the staging table (migration 044); repeats and
 * conflicts are then found, and the new dossiers moved with their events, in set-based statements of
 * one transaction — the report aggregates follow once per statement (migration 015). Bad rows are
 * reported with their line, column and reason and never stop the good ones. The caller (the CSV
 * import) bounds memory by the batch size.
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
  const batchId = randomUUID();
  const errors: ImportRowError[] = [];
  const staged: string[] = [];
  const goodLines: number[] = [];
  for (const rec of records) {
    const parsed = parseImportRecord(rec, lookup, provinceCode, now);
    if ('reason' in parsed) errors.push({ line: rec.line, ...parsed });
    else {
      staged.push(stagingLine(batchId, rec.line, parsed));
      goodLines.push(rec.line);
    }
  }
  let inserted = 0;
  let duplicates = 0;
  if (goodLines.length > 0) {
    try {
      await copyLines(ctx.db, STAGING, STAGING_COLUMNS, staged);
      await ctx.db.transaction().execute(async (trx) => {
        const skipped = new Set<number>();
        for (const r of await repeatsOf(trx, provinceCode, batchId)) {
          skipped.add(r.line);
          if (r.diff.length === 0) duplicates += 1;
          else errors.push(conflict(r.line, r.code, r.firstLine ? `ở dòng ${r.firstLine}` : 'trong cơ sở dữ liệu', r.diff));
        }
        const toMove = goodLines.filter((line) => !skipped.has(line)).sort((a, b) => a - b);
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
      await sql`delete from dossier_import_staging where province_code = ${provinceCode} and batch_id = ${batchId}`.execute(
        ctx.db,
      );
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { inserted, duplicates, errors };
}

function conflict(line: number, code: string, where: string, diff: string[]): ImportRowError {
  return {
    line,
    column: 'code',
    conflict: true,
    reason: `code: mã hồ sơ "${code}" đã có ${where} với dữ liệu khác (${diff.join(', ')}) — xung đột, dòng không được nhập`,
  };
}
