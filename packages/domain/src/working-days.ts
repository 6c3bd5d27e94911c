import { type CalendarDate, dayNumber, fromDayNumber, isWeekendDay, proposeHolidays } from './holidays';
import { VIETNAM_OFFSET_MS, vietnamDayNumber } from './vietnam-time';

export { type CalendarDate, isCalendarDate, type ProposedHoliday, proposeHolidays, statutoryHolidays } from './holidays';

/**
 * Working-day calendar and due times (DOMAIN.md §6). Instants are JS Dates (UTC); day logic uses
 * the Vietnam local date, UTC+7 without daylight saving, so a fixed offset is exact.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A due time more than ten years away means a broken calendar (e.g. every day off). */
const MAX_SCAN_DAYS = 3660;

/** An administrator's correction of the proposal: the government's swaps, extra days off, etc. */
export interface CalendarOverride {
  date: CalendarDate;
  kind: 'day_off' | 'working_day';
  name: string;
}

export interface OfficePeriod {
  /** 'HH:MM' local time. */
  start: string;
  end: string;
}

/** Opening hours of an agency (data per agency). */
export interface OfficeHours {
  periods: OfficePeriod[];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  periods: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'compensatory' | 'day_off' | 'working_day';

export interface DayInfo {
  date: CalendarDate;
  working: boolean;
  kind: DayKind;
  /** Vietnamese name of the holiday or of the override; null for ordinary days. */
  name: string | null;
}

export interface WorkingCalendar {
  officeHours: OfficeHours;
  /** Office periods as [startMs, endMs) offsets from local midnight, sorted. */
  periodsMs: ReadonlyArray<readonly [number, number]>;
  /** Working milliseconds in one working day (7.5 h by default). */
  dailyMs: number;
  isWorkingDay(date: CalendarDate | Date): boolean;
  /** The same by local day number (days since 1970-01-01), for the hot loops below. */
  isWorkingDayNumber(day: number): boolean;
  dayInfo(date: CalendarDate): DayInfo;
}

function parseHm(value: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) throw new RangeError(`invalid time: ${value}`);
  const ms = (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  if (ms > DAY_MS) throw new RangeError(`invalid time: ${value}`);
  return ms;
}

/** Local day number of an instant. */
function localDayOf(instant: Date): number {
  return vietnamDayNumber(instant);
}

export function calendarDateOf(instant: Date): CalendarDate {
  return fromDayNumber(localDayOf(instant));
}

/** The instant of a local wall-clock time: calendarInstant('2026-02-13', '16:00'). */
export function calendarInstant(date: CalendarDate, time = '00:00'): Date {
  return new Date(dayNumber(date) * DAY_MS - VIETNAM_OFFSET_MS + parseHm(time));
}

function toDay(date: CalendarDate | Date): number {
  return typeof date === 'string' ? dayNumber(date) : localDayOf(date);
}

export interface BuildCalendarInput {
  /** Years to prepare eagerly; any other year is computed on first use. */
  years?: number[];
  overrides?: CalendarOverride[];
  officeHours?: OfficeHours;
}

export function buildCalendar(input: BuildCalendarInput = {}): WorkingCalendar {
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const periodsMs = officeHours.periods.map((p) => [parseHm(p.start), parseHm(p.end)] as const).sort((a, b) => a[0] - b[0]);
  if (periodsMs.length === 0) throw new RangeError('office hours need at least one period');
  periodsMs.forEach(([s, e], i) => {
    const prev = periodsMs[i - 1];
    if (e <= s || (prev && s < prev[1])) throw new RangeError('office periods must be increasing and not overlap');
  });
  const dailyMs = periodsMs.reduce((sum, [s, e]) => sum + e - s, 0);

  const overrides = new Map<number, CalendarOverride>();
  for (const o of input.overrides ?? []) overrides.set(dayNumber(o.date), o);
  const proposals = new Map<number, Map<number, { kind: 'holiday' | 'compensatory'; name: string }>>();
  const proposalOf = (year: number) => {
    let p = proposals.get(year);
    if (!p) {
      p = new Map(proposeHolidays(year).map((h) => [dayNumber(h.date), { kind: h.kind, name: h.name }]));
      proposals.set(year, p);
    }
    return p;
  };
  for (const y of input.years ?? []) proposalOf(y);

  const infoOfDay = (day: number): DayInfo => {
    const date = fromDayNumber(day);
    const o = overrides.get(day);
    if (o) return { date, working: o.kind === 'working_day', kind: o.kind, name: o.name };
    const h = proposalOf(Number(date.slice(0, 4))).get(day);
    if (h) return { date, working: false, kind: h.kind, name: h.name };
    if (isWeekendDay(day)) return { date, working: false, kind: 'weekend', name: null };
    return { date, working: true, kind: 'workday', name: null };
  };
  const workingCache = new Map<number, boolean>();
  const isWorkingDayNumber = (day: number) => {
    let w = workingCache.get(day);
    if (w === undefined) {
      w = infoOfDay(day).working;
      workingCache.set(day, w);
    }
    return w;
  };
  return {
    officeHours,
    periodsMs,
    dailyMs,
    isWorkingDay: (date) => isWorkingDayNumber(toDay(date)),
    isWorkingDayNumber,
    dayInfo: (date) => infoOfDay(dayNumber(date)),
  };
}

/** The days of a year that differ from an ordinary Mon–Fri week, or are named: for listings. */
export function specialDays(calendar: WorkingCalendar, year: number): DayInfo[] {
  const out: DayInfo[] = [];
  for (let d = dayNumber(`${year}-01-01`); d <= dayNumber(`${year}-12-31`); d++) {
    const info = calendar.dayInfo(fromDayNumber(d));
    if (info.kind !== 'workday' && info.kind !== 'weekend') out.push(info);
  }
  return out;
}

/** True when the instant is inside an office period [start, end) of a working day. */
export function isWorkingInstant(instant: Date, calendar: WorkingCalendar): boolean {
  const day = localDayOf(instant);
  if (!calendar.isWorkingDayNumber(day)) return false;
  const t = instant.getTime() + VIETNAM_OFFSET_MS - day * DAY_MS;
  return calendar.periodsMs.some(([s, e]) => t >= s && t < e);
}

/** Iterates the working periods [start, end) in UTC ms that end after `fromMs`, in order. */
function* periodsFrom(fromMs: number, calendar: WorkingCalendar): Generator<[number, number]> {
  const first = Math.floor((fromMs + VIETNAM_OFFSET_MS) / DAY_MS);
  for (let day = first; day < first + MAX_SCAN_DAYS; day++) {
    if (!calendar.isWorkingDayNumber(day)) continue;
    const midnight = day * DAY_MS - VIETNAM_OFFSET_MS;
    for (const [s, e] of calendar.periodsMs) {
      const end = midnight + e;
      if (end > fromMs) yield [Math.max(midnight + s, fromMs), end];
    }
  }
  throw new RangeError('no working time within ten years: check the calendar');
}

export type WorkingDuration = { workingDays: number } | { workingHours: number };

export function workingDurationMs(duration: WorkingDuration, calendar: WorkingCalendar): number {
  const value = 'workingDays' in duration ? duration.workingDays : duration.workingHours;
  if (!Number.isFinite(value) || value < 0) throw new RangeError('duration must be a non-negative number');
  // Whole milliseconds: 2.4 days × 7.5 h must not leave a floating-point crumb.
  return Math.round('workingDays' in duration ? value * calendar.dailyMs : value * HOUR_MS);
}

/**
 * The due time of a dossier. Rules, in the order they apply (table of cases in the test):
 * 1. The clock starts at valid reception.
 * 2. Reception outside office hours, in the lunch break or on a day off counts from the start of
 *    the next working period (Decree 45/2020, online reception outside hours).
 * 3. The duration is counted in working time of the office (1 day = the office's daily hours), so
 *    fractional days (3 days − 20% = 2.4 days) are exact.
 * 4. A due time that lands exactly at the end of a period stays there (received Monday 07:30 with 1
 *    day → Monday 17:00, not Tuesday 07:30).
 */
export function dueAt(receivedAt: Date, duration: WorkingDuration, calendar: WorkingCalendar): Date {
  let remaining = workingDurationMs(duration, calendar);
  for (const [start, end] of periodsFrom(receivedAt.getTime(), calendar)) {
    if (remaining <= end - start) return new Date(start + remaining);
    remaining -= end - start;
  }
  /* c8 ignore next */
  throw new RangeError('unreachable');
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  const toMs = to.getTime();
  let total = 0;
  if (toMs <= from.getTime()) return 0;
  for (const [start, end] of periodsFrom(from.getTime(), calendar)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

/**
 * Whole-day counting for notice periods: the n-th working day after (n > 0) or before (n < 0) a
 * local date, not counting the date itself; n = 0 returns the date.
 */
export function addWorkingDays(date: CalendarDate, n: number, calendar: WorkingCalendar): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError('n must be a whole number of days');
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  for (let left = Math.abs(n), guard = 0; left > 0; guard++) {
    if (guard > MAX_SCAN_DAYS) throw new RangeError('no working day within ten years: check the calendar');
    day += step;
    if (calendar.isWorkingDayNumber(day)) left--;
  }
  return fromDayNumber(day);
}

export type DurationRounding = 'none' | 'half_day_down' | 'day_down';

/**
 * The duration after the province's reduction for online filing (≥ 20%, seed 003). Rounding is
 * down so the reduced duration never exceeds the promised reduction; it is a province decision.
 */
export function reducedDuration(workingDays: number, reductionPercent: number, rounding: DurationRounding): number {
  if (!Number.isFinite(workingDays) || workingDays < 0) throw new RangeError('workingDays must be ≥ 0');
  if (!Number.isFinite(reductionPercent) || reductionPercent < 0 || reductionPercent > 100) {
    throw new RangeError('reductionPercent must be within 0–100');
  }
  // Multiply before dividing: 3 × 80 / 100 is exactly 2.4, 3 × 0.8 is not.
  const exact = (workingDays * (100 - reductionPercent)) / 100;
  const eps = 1e-9;
  switch (rounding) {
    case 'none':
      return Math.round(exact * 1e6) / 1e6;
    case 'half_day_down':
      return Math.floor(exact * 2 + eps) / 2;
    case 'day_down':
      return Math.floor(exact + eps);
  }
}
