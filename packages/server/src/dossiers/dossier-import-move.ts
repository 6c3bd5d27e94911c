import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { COUNTED_COLUMNS, foldReturning } from '../reports/index';
import { IMPORT_COLUMNS, type ImportRowError } from './dossier-import-row';

/**
 * The set-based half of the history import: a batch copied into dossier_import_staging (migration
 * 044) is sorted into repeats, conflicts and new dossiers, and the new ones are moved with their
 * events — a few statements per batch whatever its size.
 */
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

export type Repeat = { line: number; code: string; firstLine: number | null; diff: string[] };

/**
 * A row whose code is already in the database is compared with that dossier; otherwise every later row
 * of a code in the batch is compared with its first. Same data: a duplicate; other data: a conflict.
 */
export async function repeatsOf(trx: Transaction<Database>, provinceCode: string, batchId: string): Promise<Repeat[]> {
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
  // The aggregates take the inserted rows in the same statement (decision 014): one fold per chunk.
  const r = await foldReturning(sql`
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
      returning 1::smallint as sign, ${COUNTED_COLUMNS}`).execute(trx);
  const n = r.rows[0]?.n ?? 0;
  // A row another import inserted meanwhile (its code taken) has no dossier of this id: no events.
  const all = n === lines.length;
  await sql`
    insert into dossier_event (province_code, dossier_id, seq, type, from_status, to_status, actor_role, at, note, payload)
    select s.province_code, s.id, e.seq, e.step->>0, e.step->>1, e.step->>2, 'system', (e.step->>3)::timestamptz,
      'Nhập dữ liệu lịch sử', '{"import":true}'
    from dossier_import_staging s
    cross join lateral jsonb_array_elements(s.events) with ordinality as e(step, seq)
    where ${inLines} ${all ? sql`` : sql`and exists (select from dossier d where d.province_code = s.province_code and d.id = s.id)`}`.execute(
    trx,
  );
  return n;
}

/**
 * Moves the lines inside a savepoint; when the database refuses them (a limit the row check missed),
 * they are undone and retried in halves down to the single row, which alone is refused with its
 * line — the good rows around it are kept.
 */
export async function moveOrSplit(
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
