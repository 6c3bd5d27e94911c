import type { ReportDimension } from '@dvc/domain/indicator-report';
import type { Period } from '@dvc/domain/indicators';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import { pendingContributions } from './reports.rollup';

/** What the report can be grouped by in SQL; `unit` also returns the era the unit code belongs to. */
export type Dimension = ReportDimension;

export interface Filters {
  provinceCode: string;
  period: Period;
  /** Only these procedures (a procedure group, or one procedure); undefined = all. */
  procedureCodes?: string[];
  agencyCode?: string;
  /** The caller's agencies when not province-wide; undefined = everything in the province. */
  scopeAgencies?: string[];
}

/**
 * Counts of one group over a period. Flows are within [from, to); `carried` is the stock of open
 * dossiers at `from`; `overdueOpen` the open-and-late stock at `to`. For the month dimension the
 * repository returns flows per month plus one row keyed '' with the stocks before `from`; the service
 * accumulates them.
 */
export interface CountRow {
  key: string;
  oldEra: boolean;
  carried: number;
  received: number;
  direct: number;
  web: number;
  mobile: number;
  phone: number;
  componentsDigitized: number;
  feeBearing: number;
  paidOnline: number;
  paidAmount: number;
  apologised: number;
  finished: number;
  finishedOnTime: number;
  resolved: number;
  resultDigitized: number;
  resultElectronic: number;
  digitizedBoth: number;
  withdrawn: number;
  overdueOpen: number;
  /** Dossiers with a complaint filed in the period (feedback/complaint-counts.ts; 0 from the counts here). */
  complained: number;
  /** Dossiers with state messages for the national portal, and those all sent (portal-sync; 0 here). */
  portalQueued: number;
  portalSynced: number;
  /** Dossiers received with a component reused from the document store (store/reuse-counts.ts; 0 from the counts here). */
  reused: number;
  /** Set once the province recorded any reuse: the reuse rate is then a figure, not "chưa có dữ liệu". */
  reuseKnown?: boolean;
}

const NUMERIC_KEYS = [
  'carried',
  'received',
  'direct',
  'web',
  'mobile',
  'phone',
  'componentsDigitized',
  'feeBearing',
  'paidOnline',
  'paidAmount',
  'apologised',
  'finished',
  'finishedOnTime',
  'resolved',
  'resultDigitized',
  'resultElectronic',
  'digitizedBoth',
  'withdrawn',
  'overdueOpen',
  'complained',
  'portalQueued',
  'portalSynced',
  'reused',
] as const satisfies readonly (keyof CountRow)[];

export { NUMERIC_KEYS };

function normalise(rows: Record<string, unknown>[]): CountRow[] {
  return rows.map((r) => {
    const out = { key: String(r.key ?? ''), oldEra: r.oldEra === true } as CountRow;
    for (const k of NUMERIC_KEYS) out[k] = Number(r[k] ?? 0);
    return out;
  });
}

function dimensionOfAggregate(dim: Dimension, from: string): { key: RawBuilder<string>; era: RawBuilder<boolean> } {
  const era = dim === 'unit' ? sql<boolean>`unit_old_era` : sql<boolean>`false`;
  switch (dim) {
    case 'unit':
      return { key: sql`unit_code`, era };
    case 'procedure':
      return { key: sql`procedure_code`, era };
    case 'channel':
      return { key: sql`channel`, era };
    case 'agency':
      return { key: sql`agency_code`, era };
    case 'month':
      return { key: sql`case when day < ${from}::date then '' else to_char(day, 'YYYY-MM') end`, era };
  }
}

/**
 * The filters' procedures and agencies as conditions on a table's `procedure_code` and `agency_code`
 * (`prefix`: the table's alias and a dot, e.g. 'd.'), for the aggregates and the counts read beside them.
 */
export function scopeConditions(f: Filters, prefix = ''): RawBuilder<boolean>[] {
  const column = (name: string) => sql.raw(`${prefix}${name}`);
  const parts: RawBuilder<boolean>[] = [];
  if (f.procedureCodes)
    parts.push(f.procedureCodes.length ? sql`${column('procedure_code')} in (${sql.join(f.procedureCodes)})` : sql`false`);
  if (f.agencyCode) parts.push(sql`${column('agency_code')} = ${f.agencyCode}`);
  if (f.scopeAgencies)
    parts.push(f.scopeAgencies.length ? sql`${column('agency_code')} in (${sql.join(f.scopeAgencies)})` : sql`false`);
  return parts;
}

/**
 * A dossier's group in the report (alias `d`), for the counts read beside the aggregates: its unit
 * (and the era its code is read in), procedure, channel or agency, or the month of `monthOf`.
 */
export function dossierGroupKey(
  dim: Dimension,
  monthOf: RawBuilder<unknown>,
): { key: RawBuilder<string>; era: RawBuilder<boolean> } {
  const key = {
    unit: sql<string>`d.unit_code`,
    procedure: sql<string>`d.procedure_code`,
    channel: sql<string>`d.channel`,
    agency: sql<string>`d.agency_code`,
    month: sql<string>`to_char(${monthOf}, 'YYYY-MM')`,
  }[dim];
  const era = dim === 'unit' ? sql<boolean>`report_day(d.submitted_at) < date '2025-07-01'` : sql<boolean>`false`;
  return { key, era };
}

function scopeWhere(f: Filters): RawBuilder<boolean> {
  return sql.join([sql`province_code = ${f.provinceCode}`, ...scopeConditions(f)], sql` and `) as RawBuilder<boolean>;
}

const COUNTERS = sql.raw(
  'received, components_digitized, fee_bearing, paid_online, paid_amount, apologised, finished, finished_on_time, ' +
    'resolved, result_digitized, result_electronic, digitized_both, withdrawn, overdue_in, overdue_out',
);

/** The first day of the month of `day`, and of the next month when `day` is not a first. */
function monthEdges(day: string): { floor: string; ceil: string } {
  const floor = `${day.slice(0, 7)}-01`;
  if (floor === day) return { floor, ceil: floor };
  const [y, m] = day.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { floor, ceil: next };
}

/**
 * The report from the aggregates, bounded by its period (issue 17, Scale): whole months come from
 * report_monthly (migration 060), and only the partial months at the period's edges from
 * report_daily. The stocks before the period are the months before its first month plus the days of
 * that month before its first day; so a report's cost follows its period and the number of months of
 * history, no longer the number of days.
 */
export async function countsFromAggregates(db: Db, dim: Dimension, f: Filters): Promise<CountRow[]> {
  const { from, to } = f.period;
  const fromMonth = monthEdges(from);
  const toMonth = monthEdges(to);
  // Days read one by one: [first of from's month, from's next month) up to `to`, and [to's month, to).
  const daily = sql`(day >= ${fromMonth.floor}::date and day < ${fromMonth.ceil}::date and day < ${to}::date)
    or (day >= ${toMonth.floor}::date and day >= ${fromMonth.ceil}::date and day < ${to}::date)`;
  // Months read whole: those before from's month (stocks), and those inside the period.
  const monthly = sql`month < ${fromMonth.floor}::date or (month >= ${fromMonth.ceil}::date and month < ${toMonth.floor}::date)`;
  const { key, era } = dimensionOfAggregate(dim, from);
  const inP = sql`day >= ${from}::date`;
  const before = sql`day < ${from}::date`;
  const res = await sql<Record<string, unknown>>`
    with rows as (
      select day, unit_code, unit_old_era, agency_code, procedure_code, channel, ${COUNTERS}
      from report_daily where ${scopeWhere(f)} and (${daily})
      union all
      select month as day, unit_code, unit_old_era, agency_code, procedure_code, channel, ${COUNTERS}
      from report_monthly where ${scopeWhere(f)} and (${monthly})
      union all
      -- The change rows the rollup has not moved yet (decision 014): the figures are exact at once.
      select day, unit_code, unit_old_era, agency_code, procedure_code, channel, ${COUNTERS}
      from (${pendingContributions(f.provinceCode)}) p where ${scopeWhere(f)} and day < ${to}::date
    )
    select ${key} as key, ${era} as old_era,
      coalesce(sum(received - finished - withdrawn) filter (where ${before}), 0) as carried,
      coalesce(sum(received) filter (where ${inP}), 0) as received,
      coalesce(sum(received) filter (where ${inP} and channel = 'direct'), 0) as direct,
      coalesce(sum(received) filter (where ${inP} and channel = 'web'), 0) as web,
      coalesce(sum(received) filter (where ${inP} and channel = 'mobile'), 0) as mobile,
      coalesce(sum(received) filter (where ${inP} and channel = 'phone'), 0) as phone,
      coalesce(sum(components_digitized) filter (where ${inP}), 0) as components_digitized,
      coalesce(sum(fee_bearing) filter (where ${inP}), 0) as fee_bearing,
      coalesce(sum(paid_online) filter (where ${inP}), 0) as paid_online,
      coalesce(sum(paid_amount) filter (where ${inP}), 0) as paid_amount,
      coalesce(sum(apologised) filter (where ${inP}), 0) as apologised,
      coalesce(sum(finished) filter (where ${inP}), 0) as finished,
      coalesce(sum(finished_on_time) filter (where ${inP}), 0) as finished_on_time,
      coalesce(sum(resolved) filter (where ${inP}), 0) as resolved,
      coalesce(sum(result_digitized) filter (where ${inP}), 0) as result_digitized,
      coalesce(sum(result_electronic) filter (where ${inP}), 0) as result_electronic,
      coalesce(sum(digitized_both) filter (where ${inP}), 0) as digitized_both,
      coalesce(sum(withdrawn) filter (where ${inP}), 0) as withdrawn,
      coalesce(sum(overdue_in - overdue_out), 0) as overdue_open
    from rows
    group by 1, 2`.execute(db);
  return normalise(res.rows);
}

/**
 * Dossiers received and received online per unit and month over [from, to): a unit's trend. `from` is
 * a month's first day; whole months come from report_monthly, the last partial month from report_daily.
 */
export async function monthlyReceivedByUnit(db: Db, f: Filters) {
  const { from, to } = f.period;
  const last = monthEdges(to).floor;
  const res = await sql<{ unitCode: string; oldEra: boolean; month: string; received: number | string; online: number | string }>`
    with rows as (
      select month as day, unit_code, unit_old_era, channel, received from report_monthly
      where ${scopeWhere(f)} and month >= ${from}::date and month < ${last}::date
      union all
      select day, unit_code, unit_old_era, channel, received from report_daily
      where ${scopeWhere(f)} and day >= ${from}::date and day >= ${last}::date and day < ${to}::date
      union all
      select day, unit_code, unit_old_era, channel, received from (${pendingContributions(f.provinceCode)}) p
      where ${scopeWhere(f)} and day >= ${from}::date and day < ${to}::date
    )
    select unit_code, unit_old_era as old_era, to_char(day, 'YYYY-MM') as month, sum(received) as received,
      coalesce(sum(received) filter (where channel in ('web', 'mobile')), 0) as online
    from rows
    group by 1, 2, 3`.execute(db);
  return res.rows.map((r) => ({ ...r, received: Number(r.received), online: Number(r.online) }));
}

/**
 * The same counts recounted straight from the dossier rows, with the rules written out again
 * independently of the rollup's contributions (reports.rollup.ts): the proof the aggregates are right
 * (reports.test.ts) and the baseline of the bench. Not for the month dimension.
 */
export async function countsFromRecords(db: Db, dim: Exclude<Dimension, 'month'>, f: Filters): Promise<CountRow[]> {
  const { from, to } = f.period;
  const key = { unit: sql`unit_code`, procedure: sql`procedure_code`, channel: sql`channel`, agency: sql`agency_code` }[dim];
  const era = dim === 'unit' ? sql`report_day(submitted_at) < date '2025-07-01'` : sql`false`;
  const sd = sql`report_day(submitted_at)`;
  const fd = sql`report_day(finished_at)`;
  const closed = sql`coalesce(finished_at, withdrawn_at)`;
  const effDue = sql`(case when supplement_count > 1 then coalesce(received_at, submitted_at) else due_at end)`;
  const inS = sql`${sd} >= ${from}::date and ${sd} < ${to}::date`;
  const inF = sql`finished_at is not null and ${fd} >= ${from}::date and ${fd} < ${to}::date`;
  const full = sql`(components_total > 0 and components_digitized >= components_total)`;
  const hasResult = sql`status in ('resolved', 'returned')`;
  const res = await sql<Record<string, unknown>>`
    select ${key} as key, ${era} as old_era,
      count(*) filter (where ${sd} < ${from}::date and (${closed} is null or report_day(${closed}) >= ${from}::date)) as carried,
      count(*) filter (where ${inS}) as received,
      count(*) filter (where ${inS} and channel = 'direct') as direct,
      count(*) filter (where ${inS} and channel = 'web') as web,
      count(*) filter (where ${inS} and channel = 'mobile') as mobile,
      count(*) filter (where ${inS} and channel = 'phone') as phone,
      count(*) filter (where ${inS} and ${full}) as components_digitized,
      count(*) filter (where ${inS} and fee_amount > 0) as fee_bearing,
      count(*) filter (where ${inS} and paid_online) as paid_online,
      coalesce(sum(fee_amount) filter (where ${inS} and paid_online), 0) as paid_amount,
      count(*) filter (where ${inS} and apology_count > 0) as apologised,
      count(*) filter (where ${inF}) as finished,
      count(*) filter (where ${inF} and supplement_count <= 1 and (due_at is null or finished_at <= due_at)) as finished_on_time,
      count(*) filter (where ${inF} and ${hasResult}) as resolved,
      count(*) filter (where ${inF} and ${hasResult} and result_digitized) as result_digitized,
      count(*) filter (where ${inF} and ${hasResult} and result_electronic) as result_electronic,
      count(*) filter (where ${inF} and ${hasResult} and result_digitized and ${full}) as digitized_both,
      count(*) filter (where finished_at is null and withdrawn_at is not null
                         and report_day(withdrawn_at) >= ${from}::date and report_day(withdrawn_at) < ${to}::date) as withdrawn,
      count(*) filter (where ${effDue} is not null and report_day(${effDue}) < ${to}::date
                         and (${closed} is null or (${closed} > ${effDue} and report_day(${closed}) >= ${to}::date))) as overdue_open
    from dossier
    where ${scopeWhere(f)} and ${sd} < ${to}::date
    group by 1, 2`.execute(db);
  return normalise(res.rows);
}

export interface UnitRow {
  code: string;
  name: string;
  fullName: string;
  level: 'province' | 'district' | 'commune';
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('adminUnit').select(['code', 'name', 'fullName', 'level', 'parentCode', 'validFrom', 'validTo']).execute();
}

export function listMappings(db: Db) {
  return db.selectFrom('adminUnitMapping').select(['oldCode', 'newCode']).execute();
}

export function listProcedureNames(db: Db, provinceCode: string) {
  return db.selectFrom('procedure').select(['code', 'name']).where('provinceCode', '=', provinceCode).execute();
}

export function listAgencies(db: Db, provinceCode: string) {
  return db.selectFrom('agency').select(['code', 'name']).where('provinceCode', '=', provinceCode).execute();
}

export async function findGroup(db: Db, provinceCode: string, code: string) {
  const group = await db
    .selectFrom('reportProcedureGroup')
    .select(['code', 'name'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!group) return undefined;
  const members = await db
    .selectFrom('reportProcedureGroupMember')
    .select('procedureCode')
    .where('provinceCode', '=', provinceCode)
    .where('groupCode', '=', code)
    .execute();
  return { ...group, procedureCodes: members.map((m) => m.procedureCode) };
}

/** The target in force on `day` for a group. */
export function findTarget(db: Db, provinceCode: string, groupCode: string, day: string) {
  return db
    .selectFrom('reportTarget')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('groupCode', '=', groupCode)
    .where('validFrom', '<=', day)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', day)]))
    .orderBy('validFrom', 'desc')
    .executeTakeFirst();
}

export function listTargets(db: Db, provinceCode: string) {
  return db
    .selectFrom('reportTarget')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .orderBy('groupCode')
    .orderBy('validFrom')
    .execute();
}

export function listGroups(db: Db, provinceCode: string) {
  return db
    .selectFrom('reportProcedureGroup')
    .select(['code', 'name'])
    .where('provinceCode', '=', provinceCode)
    .orderBy('code')
    .execute();
}

export function findPhase(db: Db, provinceCode: string, code: string) {
  return db
    .selectFrom('reportPhase')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function listPhases(db: Db, provinceCode: string) {
  return db.selectFrom('reportPhase').selectAll().where('provinceCode', '=', provinceCode).orderBy('fromDay').execute();
}
