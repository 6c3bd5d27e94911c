import type { MessageKey } from '../i18n';
import type { Era, Level, ReportSettings } from './types';

/**
 * The report's filters live in the address (/bao-cao?period=phase:thi-diem-gd3&procedureGroup=…):
 * a report can be bookmarked, sent to a colleague, and reloaded. Pure helpers, tested beside.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'phase' | 'range';

export interface ReportFilters {
  kind: PeriodKind;
  /** month: YYYY-MM; quarter: YYYY-Qn; year: YYYY; phase: its code; range: unused. */
  value: string;
  from: string;
  to: string;
  era?: Era;
  level?: Level;
  procedureGroup?: string;
  agency?: string;
}

const ERAS: readonly Era[] = ['old', 'new'];
const LEVELS: readonly Level[] = ['province', 'district', 'commune'];

function kindOf(period: string): PeriodKind | undefined {
  if (period.startsWith('phase:')) return 'phase';
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  return undefined;
}

/**
 * Filters from the address; what is missing gets the report the province reads most: the last
 * phase of the pilot for the first procedure group (the one with targets), so the target lists show.
 */
export function filtersFromQuery(q: URLSearchParams, settings: ReportSettings | undefined): ReportFilters {
  const period = q.get('period') ?? '';
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  const era = q.get('era') as Era | null;
  const level = q.get('level') as Level | null;
  const base = {
    from,
    to,
    era: era && ERAS.includes(era) ? era : undefined,
    level: level && LEVELS.includes(level) ? level : undefined,
    procedureGroup: q.has('procedureGroup') ? q.get('procedureGroup') || undefined : settings?.groups[0]?.code,
    agency: q.get('agency') || undefined,
  };
  const kind = kindOf(period);
  if (kind) return { ...base, kind, value: kind === 'phase' ? period.slice(6) : period };
  if (from && to) return { ...base, kind: 'range', value: '' };
  const lastPhase = settings?.phases[settings.phases.length - 1];
  if (lastPhase) return { ...base, kind: 'phase', value: lastPhase.code };
  return { ...base, kind: 'year', value: String(new Date().getFullYear()) };
}

/** The API's query string for these filters (the same for JSON, CSV, Excel and PDF). */
export function apiQuery(f: ReportFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.kind === 'range') {
    q.set('from', f.from);
    q.set('to', f.to);
  } else {
    q.set('period', f.kind === 'phase' ? `phase:${f.value}` : f.value);
  }
  if (f.era) q.set('era', f.era);
  if (f.level) q.set('level', f.level);
  if (f.procedureGroup) q.set('procedureGroup', f.procedureGroup);
  if (f.agency) q.set('agency', f.agency);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** The screen's address for these filters; an explicit "all procedures" is kept as `procedureGroup=`. */
export function pageQuery(f: ReportFilters): string {
  const q = new URLSearchParams(apiQuery(f));
  if (!f.procedureGroup) q.set('procedureGroup', '');
  return q.toString();
}

/** A sensible value when the period kind changes (this month, this quarter, the last phase…). */
export function defaultValue(kind: PeriodKind, settings: ReportSettings | undefined, today: string): string {
  const [y = '2023', m = '01'] = today.split('-');
  if (kind === 'month') return `${y}-${m}`;
  if (kind === 'quarter') return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
  if (kind === 'year') return y;
  if (kind === 'phase') return settings?.phases[settings.phases.length - 1]?.code ?? '';
  return '';
}

/** Is the period complete enough to ask the API? */
export function isComplete(f: ReportFilters): boolean {
  if (f.kind === 'range') return /^\d{4}-\d{2}-\d{2}$/.test(f.from) && /^\d{4}-\d{2}-\d{2}$/.test(f.to) && f.from <= f.to;
  if (f.kind === 'phase') return f.value !== '';
  return kindOf(f.value) === f.kind;
}

/**
 * The online target in force for a month (YYYY-MM) of a procedure group: the target whose validity
 * covers the month's first day (Công văn 5226: 30% in Nov 2022, 50% from Dec 2022, 100% from Jun 2023).
 */
export function targetForMonth(settings: ReportSettings | undefined, group: string | undefined, month: string): number | null {
  if (!settings || !group) return null;
  const day = `${month}-01`;
  const t = settings.targets.find((x) => x.groupCode === group && x.validFrom <= day && (x.validTo === null || day < x.validTo));
  return t ? t.onlineRate : null;
}

/**
 * The monthly trend covers whole calendar years around the period (phase 3 of the pilot → January to
 * December 2023), so a month or a phase is seen against the months before and after it.
 */
export function trendQuery(f: ReportFilters, settings: ReportSettings | undefined): string {
  const { from, to } = periodBounds(f, settings);
  return apiQuery(
    { ...f, kind: 'range', from: `${from.slice(0, 4)}-01-01`, to: `${to.slice(0, 4)}-12-31` },
    { groupBy: 'month', figures: 'false' },
  );
}

/** First and last years' days of the filters' period (a phase's days are in the settings). */
function periodBounds(f: ReportFilters, settings: ReportSettings | undefined): { from: string; to: string } {
  if (f.kind === 'range') return { from: f.from, to: f.to };
  if (f.kind === 'phase') {
    const phase = settings?.phases.find((p) => p.code === f.value);
    if (phase) return { from: phase.from, to: phase.to };
  }
  const year = f.value.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The API's period label for people: "2022-11" → "Tháng 11/2022", "2023-Q1" → "Quý 1/2023"; a phase keeps its name. */
export function periodLabel(label: string, t: (key: MessageKey, p?: Record<string, string | number>) => string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return t('reports.label.quarter', { q: q[2] ?? '', year: q[1] ?? '' });
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return t('reports.label.month', { month: m[2] ?? '', year: m[1] ?? '' });
  if (/^\d{4}$/.test(label)) return t('reports.label.year', { year: label });
  return label;
}
