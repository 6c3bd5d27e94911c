import type { Era, IndicatorRow, Level } from '@dvc/domain/indicator-report';
import { addDays } from '@dvc/domain/indicators';
import { type CatalogProcedure, type OnlineServiceFigures, onlineServiceFigures } from '@dvc/domain/indicators-services';
import { type MonthlyCounts, projectTargetMonth } from '@dvc/domain/indicators-trend';
import { sql } from 'kysely';
import type { AppContext } from '../http/context';
import { type CountRow, type Filters, listUnits, monthlyReceivedByUnit } from './reports.repository';
import { addInto, emptyCounts, toIndicatorRow } from './reports.rows';

/**
 * The report's figures beyond its rows (issue 17): totals by the level of the receiving unit, and the
 * online services (procedures offered online and with dossiers, online dossiers by service level,
 * online payment per transaction and per fee-bearing procedure). They read the same aggregates as the
 * rows, grouped by unit and by procedure.
 */

const LEVEL_NAMES: Record<Level | 'unknown', string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  unknown: 'Chưa xác định cấp',
};

/** Levels of government in each era: three before 1 Jul 2025, two from then. */
const ERA_LEVELS: Record<Era, Level[]> = { old: ['province', 'district', 'commune'], new: ['province', 'commune'] };

/**
 * Sums counts grouped by unit into one row per level of the unit that received the dossiers. A unit
 * code is read in the era it was filed in (the same code names different units before and after the
 * 2025 rearrangement). A level of the era is listed even without a dossier.
 */
export async function levelTotals(ctx: AppContext, era: Era, unitCounts: CountRow[]): Promise<IndicatorRow[]> {
  const units = await listUnits(ctx.db);
  const levelIn = { old: new Map<string, Level>(), new: new Map<string, Level>() };
  for (const u of units) levelIn[u.validFrom !== null && u.validFrom >= '2025-07-01' ? 'new' : 'old'].set(u.code, u.level);
  const sums = new Map<Level | 'unknown', CountRow>(ERA_LEVELS[era].map((l) => [l, emptyCounts(l)]));
  for (const c of unitCounts) {
    const level = levelIn[c.oldEra ? 'old' : 'new'].get(c.key) ?? 'unknown';
    let sum = sums.get(level);
    if (!sum) {
      sum = emptyCounts(level);
      sums.set(level, sum);
    }
    addInto(sum, c);
  }
  const order: Array<Level | 'unknown'> = ['province', 'district', 'commune', 'unknown'];
  return order.filter((l) => sums.has(l)).map((l) => toIndicatorRow(l, LEVEL_NAMES[l], sums.get(l)!));
}

/** The active procedures of the filter's scope with their online service level (catalog facts). */
async function catalogProcedures(ctx: AppContext, f: Filters): Promise<CatalogProcedure[]> {
  const only = f.procedureCodes
    ? f.procedureCodes.length
      ? sql`and code in (${sql.join(f.procedureCodes)})`
      : sql`and false`
    : sql``;
  const res = await sql<{ code: string; onlineLevel: string }>`
    select code, definition->>'onlineLevel' as online_level from procedure
    where province_code = ${f.provinceCode} and active ${only}`.execute(ctx.db);
  return res.rows
    .filter((r) => r.onlineLevel === 'full' || r.onlineLevel === 'partial')
    .map((r) => ({ code: r.code, onlineLevel: r.onlineLevel as CatalogProcedure['onlineLevel'] }));
}

export async function onlineServices(ctx: AppContext, f: Filters, procedureCounts: CountRow[]): Promise<OnlineServiceFigures> {
  const catalog = await catalogProcedures(ctx, f);
  return onlineServiceFigures(
    catalog,
    procedureCounts.map((c) => ({
      code: c.key,
      received: c.received,
      online: c.web + c.mobile,
      feeBearing: c.feeBearing,
      paidOnline: c.paidOnline,
    })),
  );
}

/** The months a trend looks back on, the period's last month included. */
const TREND_MONTHS = 12;

/**
 * Sets `targetProjection` on each row below the target: the month its trend over the 12 months up to
 * the period's end reaches the target. `rowOf` maps a unit code (in its era) to the row it counts in.
 */
export async function projectBelowTarget(
  ctx: AppContext,
  f: Filters,
  rows: IndicatorRow[],
  targetRate: number,
  rowOf: (code: string, oldEra: boolean) => string,
): Promise<void> {
  const below = new Map(rows.filter((r) => r.targetClass === 'below').map((r) => [r.key, r]));
  if (below.size === 0) return;
  const lastMonth = addDays(f.period.to, -1).slice(0, 7);
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const startIndex = y * 12 + m - 1 - (TREND_MONTHS - 1);
  const from = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}-01`;
  const monthly = await monthlyReceivedByUnit(ctx.db, { ...f, period: { from, to: f.period.to } });
  const history = new Map<string, Map<string, MonthlyCounts>>();
  for (const x of monthly) {
    const key = rowOf(x.unitCode, x.oldEra);
    if (!below.has(key)) continue;
    const months = history.get(key) ?? new Map<string, MonthlyCounts>();
    const point = months.get(x.month) ?? { month: x.month, online: 0, received: 0 };
    point.online += x.online;
    point.received += x.received;
    months.set(x.month, point);
    history.set(key, months);
  }
  for (const [key, row] of below) {
    row.targetProjection = projectTargetMonth([...(history.get(key)?.values() ?? [])], targetRate, lastMonth);
  }
}
