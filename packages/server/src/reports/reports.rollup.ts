import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';

/**
 * The event-fed rollup of the report aggregates (decision 014, migration 063). The dossier writers
 * append change rows — a dossier's counted columns as they were (sign −1) and as they are (+1) —
 * through `recordNewDossiers` and `trackDossierChanges`, in the transaction of their write. Appending
 * never touches a shared row, so filings of one desk on one day do not queue on its daily aggregate.
 * `applyReportChanges` (a job) moves them into report_daily and report_monthly in batches; a report
 * adds the rows still waiting (`pendingContributions`), so its figures are exact at once. The bulk
 * import folds its rows straight in, in the statement that inserts them (`foldReturning`).
 */

type Tx = Kysely<Database>;

/** The dossier columns the aggregates count (what the removed dossier triggers compared). */
export const COUNTED_COLUMNS = sql.raw(
  'province_code, unit_code, agency_code, procedure_code, channel, status, submitted_at, received_at, due_at, ' +
    'finished_at, withdrawn_at, supplement_count, apology_count, fee_amount, paid_online, components_total, ' +
    'components_digitized, result_digitized, result_electronic',
);

const COUNTERS = [
  'received',
  'components_digitized',
  'fee_bearing',
  'paid_online',
  'paid_amount',
  'apologised',
  'finished',
  'finished_on_time',
  'resolved',
  'result_digitized',
  'result_electronic',
  'digitized_both',
  'withdrawn',
  'overdue_in',
  'overdue_out',
] as const;
const COUNTER_LIST = sql.raw(COUNTERS.join(', '));
const KEY = 'province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel';

/**
 * A dossier's contribution to report_daily, one row per counted day, times `sign`, from rows `s` with
 * the counted columns and a sign: filed (submitted_at), finished, withdrawn (and not finished), became
 * late, closed late. The rules of migration 010's former report_contributions, unchanged.
 */
function contributionsOf(source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select s.province_code, v.day, s.unit_code, report_day(s.submitted_at) < date '2025-07-01' as unit_old_era,
      s.agency_code, s.procedure_code, s.channel,
      ${sql.join(
        COUNTERS.map((c) => sql`s.sign * v.${sql.raw(c)} as ${sql.raw(c)}`),
        sql`, `,
      )}
    from ${source} s
    cross join lateral (select
      case when s.supplement_count > 1 then coalesce(s.received_at, s.submitted_at) else s.due_at end as eff_due,
      coalesce(s.finished_at, s.withdrawn_at) as closed_at,
      (s.components_total > 0 and s.components_digitized >= s.components_total) as comp_full,
      s.status in ('resolved', 'returned') as has_result) x
    cross join lateral (values
      (report_day(s.submitted_at), 1, x.comp_full::int, (s.fee_amount > 0)::int, s.paid_online::int,
        case when s.paid_online then s.fee_amount else 0 end, (s.apology_count > 0)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      (case when s.finished_at is not null then report_day(s.finished_at) end, 0, 0, 0, 0, 0, 0,
        1, (s.supplement_count <= 1 and (s.due_at is null or s.finished_at <= s.due_at))::int, x.has_result::int,
        (x.has_result and s.result_digitized)::int, (x.has_result and s.result_electronic)::int,
        (x.comp_full and x.has_result and s.result_digitized)::int, 0, 0, 0),
      (case when s.withdrawn_at is not null and s.finished_at is null then report_day(s.withdrawn_at) end,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0),
      (case when x.eff_due is not null and (x.closed_at is null or x.closed_at > x.eff_due) then report_day(x.eff_due) end,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
      (case when x.eff_due is not null and x.closed_at is not null and x.closed_at > x.eff_due then report_day(x.closed_at) end,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
    ) v(day, ${COUNTER_LIST})
    where v.day is not null`;
}

const added = (alias: string) => sql.raw(COUNTERS.map((c) => `${c} = ${alias}.${c} + excluded.${c}`).join(',\n      '));
const summed = sql.raw(COUNTERS.map((c) => `sum(${c}) as ${c}`).join(', '));

/**
 * One statement: `rows` (a data-modifying statement or a query RETURNING the counted columns and a
 * `sign`) and their contributions added to report_daily, each key once; report_monthly follows by the
 * daily table's own trigger (migration 060, decision 012). Returns how many rows `rows` gave.
 */
export function foldReturning(rows: RawBuilder<unknown>): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`
    with src as (${rows}),
    delta as (
      select ${sql.raw(KEY)}, ${summed}
      from (${contributionsOf(sql`src`)}) c
      group by ${sql.raw(KEY)}
    ),
    daily as (
      insert into report_daily as r (${sql.raw(KEY)}, ${COUNTER_LIST})
      select * from delta
      on conflict (${sql.raw(KEY)}) do update set
      ${added('r')}
    )
    select count(*)::int as n from src`;
}

type Which = { ids: string[] } | { codes: string[] };

function whereDossiers(provinceCode: string, which: Which): RawBuilder<boolean> {
  return 'ids' in which
    ? sql`province_code = ${provinceCode} and id = any(${which.ids}::uuid[])`
    : sql`province_code = ${provinceCode} and code = any(${which.codes}::text[])`;
}

async function appendChanges(trx: Tx, provinceCode: string, which: Which, sign: 1 | -1): Promise<void> {
  // Before a write, the row is locked: a concurrent write of the same dossier records its "before"
  // only once this one has committed, so each state is taken away exactly once.
  await sql`
    insert into report_dossier_change (sign, dossier_id, ${COUNTED_COLUMNS})
    select ${sign}::smallint, id, ${COUNTED_COLUMNS} from dossier where ${whereDossiers(provinceCode, which)}
    ${sign === -1 ? sql`for no key update` : sql``}`.execute(trx);
}

/** For the writers of new dossiers (filings, seeds), in their transaction, after the insert. */
export async function recordNewDossiers(trx: Tx, provinceCode: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await appendChanges(trx, provinceCode, { ids }, 1);
}

/**
 * For the writers of existing dossiers (lifecycle, digitization, payment, results, post), in their
 * transaction: `write` runs between the dossiers' counted columns as they were and as they are.
 */
export async function trackDossierChanges<T>(trx: Tx, provinceCode: string, which: Which, write: () => Promise<T>): Promise<T> {
  await appendChanges(trx, provinceCode, which, -1);
  const result = await write();
  await appendChanges(trx, provinceCode, which, 1);
  return result;
}

/** The change rows not yet moved into the aggregates, as daily contributions (for a report's read). */
export function pendingContributions(provinceCode: string): RawBuilder<unknown> {
  return contributionsOf(sql`(select * from report_dossier_change where province_code = ${provinceCode})`);
}

/**
 * The rollup step: moves up to `batch` change rows into the aggregates and deletes them, in one
 * statement (a report reading meanwhile sees them either waiting or moved, never both). Rows locked by
 * another run are skipped. Returns how many were moved.
 */
export async function applyReportChangesOnce(db: Db, provinceCode: string, batch = 20_000): Promise<number> {
  const r = await foldReturning(sql`
    delete from report_dossier_change where province_code = ${provinceCode} and id in (
      select id from report_dossier_change where province_code = ${provinceCode}
      order by id limit ${batch} for update skip locked)
    returning *`).execute(db);
  return r.rows[0]?.n ?? 0;
}

export const REPORT_ROLLUP_QUEUE = 'report-rollup';

/**
 * The rollup job (reports.jobs.ts, about once a minute): this province's change rows, until none waits.
 * On the embedded database a statement holds the one connection, so the rows go in small slices and
 * requests take the connection in between (issue 11); PostgreSQL takes large batches.
 */
export function runReportRollup(ctx: Pick<AppContext, 'db' | 'config' | 'databaseKind'>): Promise<number> {
  return applyReportChanges(ctx.db, ctx.config.PROVINCE_CODE, ctx.databaseKind === 'pglite' ? 500 : 20_000);
}

/** Moves change rows into the aggregates, batch after batch, until nothing waits. */
export async function applyReportChanges(db: Db, provinceCode: string, batch = 20_000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await applyReportChangesOnce(db, provinceCode, batch);
    total += n;
    if (n < batch) return total;
  }
}

/**
 * Rebuilds the aggregates from the dossier table (repair, `npm run reports:rebuild`): the tables are
 * locked against the writers of aggregates and change rows meanwhile, so that every committed write
 * is counted once, from the dossier rows, and the change rows it left are dropped.
 */
export async function rebuildAggregates(db: Db, provinceCode: string): Promise<{ dossiers: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table report_dossier_change, report_daily, report_monthly in exclusive mode`.execute(trx);
    await sql`delete from report_dossier_change where province_code = ${provinceCode}`.execute(trx);
    await sql`delete from report_daily where province_code = ${provinceCode}`.execute(trx);
    await sql`delete from report_monthly where province_code = ${provinceCode}`.execute(trx);
    const r = await foldReturning(
      sql`select 1::smallint as sign, ${COUNTED_COLUMNS} from dossier where province_code = ${provinceCode}`,
    ).execute(trx);
    return { dossiers: r.rows[0]?.n ?? 0 };
  });
}
