import { CHANNELS, catalogText } from '@dvc/domain';
import {
  type Era,
  type IndicatorReport,
  type IndicatorRow,
  type Level,
  RATE_KEYS,
  type RateKey,
} from '@dvc/domain/indicator-report';
import { addDays, classifyUnit, formatPercentVi, type Period } from '@dvc/domain/indicators';
import { countInterlinkedFilings } from '../dossiers/index';
import { countComplainedDossiers } from '../feedback/complaint-counts';
import type { AppContext } from '../http/context';
import type { Failure, Result } from '../http/refusal';
import { countPublishedDossiers } from '../portal-sync/index';
import { countReusingDossiers, hasReuseData } from '../store/index';
import { levelTotals, onlineServices, projectBelowTarget } from './reports.figures';
import { FORMULAS } from './reports.formulas';
import {
  type CountRow,
  countsFromAggregates,
  type Dimension,
  type Filters,
  findGroup,
  listAgencies,
  listMappings,
  listProcedureNames,
  listUnits,
  type UnitRow,
} from './reports.repository';
import { addInto, emptyCounts, toIndicatorRow, UNAVAILABLE } from './reports.rows';
import { findTargetInForce } from './targets.repository';

export { type Era, FORMULAS, type IndicatorReport, type IndicatorRow, type Level, RATE_KEYS, type RateKey, toIndicatorRow };

export const TWO_TIER_FROM = '2025-07-01';

export interface IndicatorQuery {
  period: Period;
  periodLabel: string;
  groupBy: Dimension;
  era?: Era;
  level?: Level;
  procedureGroup?: string;
  procedure?: string;
  agency?: string;
  scopeAgencies?: string[];
  /** The level totals and online services beside the rows (default); false for the rows alone. */
  figures?: boolean;
}

interface UnitGrouper {
  group(code: string, oldEra: boolean): { key: string; name: string };
  /** Units listed even without a dossier (the 13 old districts at district level). */
  listed(): Array<{ key: string; name: string }>;
}

/**
 * Maps a dossier's unit (read in the era it was filed) to the row it belongs to for the asked era and
 * level. Old → new uses the merger mapping; an old unit split among several new ones cannot be
 * divided by count and keeps its own row, marked.
 */
async function unitGrouper(ctx: AppContext, era: Era, level: Level): Promise<UnitGrouper> {
  const [units, mappings] = await Promise.all([listUnits(ctx.db), listMappings(ctx.db)]);
  const province = ctx.config.PROVINCE_CODE;
  const old = new Map<string, UnitRow>();
  const cur = new Map<string, UnitRow>();
  for (const u of units) (u.validFrom !== null && u.validFrom >= TWO_TIER_FROM ? cur : old).set(u.code, u);
  const successors = new Map<string, string[]>();
  for (const m of mappings) successors.set(m.oldCode, [...(successors.get(m.oldCode) ?? []), m.newCode]);
  const provinceRow = { key: province, name: (era === 'old' ? old : cur).get(province)?.fullName ?? 'Toàn tỉnh' };
  const self = (u: UnitRow | undefined, code: string, suffix = '') => ({ key: code, name: `${u?.fullName ?? code}${suffix}` });

  return {
    group(code, oldEra) {
      if (level === 'province') return provinceRow;
      if (era === 'old') {
        if (!oldEra) return self(cur.get(code), `new:${code}`, ' (từ 01/07/2025)');
        const u = old.get(code);
        if (level === 'district' && u?.level === 'commune' && u.parentCode) return self(old.get(u.parentCode), u.parentCode);
        return self(u, code);
      }
      if (!oldEra) return self(cur.get(code), code);
      const next = successors.get(code) ?? [];
      if (next.length === 1 && next[0]) return self(cur.get(next[0]), next[0]);
      return self(old.get(code), `old:${code}`, ' (trước 01/07/2025)');
    },
    listed() {
      if (era !== 'old' || level !== 'district') return [];
      return [...old.values()]
        .filter((u) => u.level === 'district' && u.parentCode === province)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((u) => ({ key: u.code, name: u.fullName }));
    },
  };
}

export type ReportResult = Result<IndicatorReport, Failure<'unknown_group', { message: string }>>;

export async function buildIndicatorReport(ctx: AppContext, q: IndicatorQuery): Promise<ReportResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const era: Era = q.era ?? (q.period.to <= TWO_TIER_FROM ? 'old' : 'new');
  const level: Level = q.level ?? (era === 'old' ? 'district' : 'commune');
  let procedureCodes: string[] | undefined;
  let group: { code: string; name: string } | null = null;
  let target: IndicatorReport['target'] = null;
  if (q.procedureGroup) {
    const g = await findGroup(ctx.db, provinceCode, q.procedureGroup);
    if (!g) return { ok: false, reason: 'unknown_group', message: `Không có nhóm thủ tục "${q.procedureGroup}"` };
    group = { code: g.code, name: g.name };
    procedureCodes = g.procedureCodes;
    const t = await findTargetInForce(ctx.db, provinceCode, g.code, q.period.from, level);
    if (t) {
      const rate = Number(t.onlineRate);
      target = { onlineRate: rate, text: formatPercentVi(rate), legalBasis: t.legalBasis, validFrom: t.validFrom };
    }
  }
  if (q.procedure) procedureCodes = procedureCodes ? procedureCodes.filter((c) => c === q.procedure) : [q.procedure];
  const filters: Filters = {
    provinceCode,
    period: q.period,
    procedureCodes,
    agencyCode: q.agency,
    scopeAgencies: q.scopeAgencies,
  };
  const reuseKnown = await hasReuseData(ctx.db, provinceCode);
  // Independent reads go out together: on PostgreSQL a report costs its slowest query, not the sum of
  // their round trips (PGlite's single connection still takes them one after the other).
  const countsBy = async (dim: Dimension) => {
    const [aggregated, complained, published, reusing] = await Promise.all([
      countsFromAggregates(ctx.db, dim, filters),
      countComplainedDossiers(ctx.db, dim, filters),
      countPublishedDossiers(ctx.db, dim, filters),
      reuseKnown ? countReusingDossiers(ctx.db, dim, filters) : [],
    ]);
    const counts = withCounted(aggregated, [...complained, ...published, ...reusing]);
    // Once the province recorded any reuse, the rate is a figure everywhere (0 included), not "chưa có dữ liệu".
    if (reuseKnown) for (const c of counts) c.reuseKnown = true;
    return counts;
  };
  // The level totals and the online services read the same aggregates by unit and by procedure.
  const figures = q.figures ?? true;
  const [counts, otherByUnit, otherByProcedure, grouper] = await Promise.all([
    countsBy(q.groupBy),
    figures && q.groupBy !== 'unit' ? countsBy('unit') : [],
    figures && q.groupBy !== 'procedure' ? countsFromAggregates(ctx.db, 'procedure', filters) : [],
    q.groupBy === 'unit' ? unitGrouper(ctx, era, level) : undefined,
  ]);
  const byUnit = !figures ? [] : q.groupBy === 'unit' ? counts : otherByUnit;
  const byProcedure = !figures ? [] : q.groupBy === 'procedure' ? counts : otherByProcedure;

  const groups = new Map<string, { name: string; c: CountRow }>();
  const put = (key: string, name: string, c?: CountRow) => {
    let g = groups.get(key);
    if (!g) {
      g = { name, c: emptyCounts(key) };
      groups.set(key, g);
    }
    if (c) addInto(g.c, c);
  };
  if (grouper) {
    if (!q.scopeAgencies) for (const u of grouper.listed()) put(u.key, u.name);
    for (const c of counts) {
      const g = grouper.group(c.key, c.oldEra);
      put(g.key, g.name, c);
    }
  } else if (q.groupBy === 'month') {
    accumulateMonths(counts, put);
  } else {
    const names = await namesFor(ctx, q.groupBy);
    for (const c of counts) put(c.key, names.get(c.key) ?? c.key, c);
  }

  const total = emptyCounts('');
  for (const g of groups.values()) if (q.groupBy !== 'month') addInto(total, g.c);
  if (q.groupBy === 'month') {
    // Stocks of the whole period: carried at its start, open and late at its end; flows summed.
    const months = [...groups.values()];
    for (const g of months) addInto(total, { ...g.c, carried: 0, overdueOpen: 0 });
    total.carried = months[0]?.c.carried ?? 0;
    total.overdueOpen = months[months.length - 1]?.c.overdueOpen ?? 0;
  }
  const rows = [...groups.entries()]
    .map(([key, g]) => toIndicatorRow(key, g.name, g.c))
    .sort((a, b) => (q.groupBy === 'month' ? a.key.localeCompare(b.key) : a.key.localeCompare(b.key, 'vi')));
  let classification: IndicatorReport['classification'] = null;
  if (target && q.groupBy === 'unit') {
    classification = { met: [], below: [], none: [] };
    for (const r of rows) {
      r.targetClass = classifyUnit(r.online, r.received, target.onlineRate);
      classification[r.targetClass].push(r.name);
    }
    if (grouper)
      await projectBelowTarget(ctx, filters, rows, target.onlineRate, (code, oldEra) => grouper.group(code, oldEra).key);
  }
  const [levels, onlineServiceCounts, interlinked] = figures
    ? await Promise.all([
        levelTotals(ctx, era, byUnit),
        onlineServices(ctx, filters, byProcedure),
        countInterlinkedFilings(ctx, filters),
      ])
    : [[], null, []];
  return {
    ok: true,
    value: {
      period: { from: q.period.from, to: addDays(q.period.to, -1), label: q.periodLabel },
      groupBy: q.groupBy,
      era,
      level,
      procedureGroup: group,
      target,
      rows,
      total: toIndicatorRow('', 'Tổng cộng', total),
      classification,
      formulas: FORMULAS,
      levels,
      onlineServices: onlineServiceCounts,
      unavailable: reuseKnown ? withoutReuse(UNAVAILABLE) : UNAVAILABLE,
      interlinked,
    },
  };
}

/**
 * Adds counts read outside the aggregates (complained dossiers, dossiers published on the national
 * portal, dossiers reusing stored papers) to each group's counts; a group with such counts alone gets a row.
 */
function withCounted(
  counts: CountRow[],
  extra: Array<
    { key: string; oldEra: boolean } & Partial<Pick<CountRow, 'complained' | 'portalQueued' | 'portalSynced' | 'reused'>>
  >,
): CountRow[] {
  const byKey = new Map(counts.map((c) => [`${c.oldEra}|${c.key}`, c]));
  for (const x of extra) {
    let row = byKey.get(`${x.oldEra}|${x.key}`);
    if (!row) {
      row = { ...emptyCounts(x.key), oldEra: x.oldEra };
      counts.push(row);
      byKey.set(`${x.oldEra}|${x.key}`, row);
    }
    row.complained += x.complained ?? 0;
    row.portalQueued += x.portalQueued ?? 0;
    row.portalSynced += x.portalSynced ?? 0;
    row.reused += x.reused ?? 0;
  }
  return counts;
}

function withoutReuse(unavailable: typeof UNAVAILABLE): typeof UNAVAILABLE {
  return Object.fromEntries(Object.entries(unavailable).filter(([k]) => k !== 'reuse'));
}

/** Month rows carry their own stocks: carried at the month's start, open and late at its end. */
function accumulateMonths(counts: CountRow[], put: (key: string, name: string, c?: CountRow) => void) {
  const before = counts.find((c) => c.key === '');
  let carried = before?.carried ?? 0;
  let overdue = before?.overdueOpen ?? 0;
  for (const c of counts.filter((x) => x.key !== '').sort((a, b) => a.key.localeCompare(b.key))) {
    overdue += c.overdueOpen;
    const row = { ...c, carried, overdueOpen: overdue };
    carried += c.received - c.finished - c.withdrawn;
    const [y, m] = c.key.split('-');
    put(c.key, `Tháng ${m}/${y}`, row);
  }
}

async function namesFor(ctx: AppContext, dim: Dimension): Promise<Map<string, string>> {
  if (dim === 'channel') return new Map(CHANNELS.map((c) => [c, catalogText('vi', `channel.${c}`)]));
  if (dim === 'procedure')
    return new Map((await listProcedureNames(ctx.db, ctx.config.PROVINCE_CODE)).map((p) => [p.code, p.name]));
  if (dim === 'agency') return new Map((await listAgencies(ctx.db, ctx.config.PROVINCE_CODE)).map((a) => [a.code, a.name]));
  return new Map();
}
