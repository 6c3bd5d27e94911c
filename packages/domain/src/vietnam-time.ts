/**
 * Vietnam time, once (issue 14). Quảng Ngãi keeps UTC+7 all year — Vietnam has had no daylight saving
 * time since 1975 — so a fixed offset is exact for every instant DVC handles. An instant is shifted by
 * it and read with the UTC getters, which never depend on the host's time zone.
 */

/** 'YYYY-MM-DD', a date on Vietnam's calendar (the same type as holidays.ts's, kept free of its lunar library). */
type CalendarDate = string;

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;

export interface VietnamParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in Quảng Ngãi at an instant. */
export function vietnamParts(at: Date): VietnamParts {
  const t = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** The local day number (days since 1970-01-01 in Vietnam) of an instant. */
export function vietnamDayNumber(at: Date): number {
  return Math.floor((at.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The date in Vietnam of an instant: 2026-12-01T18:00Z → '2026-12-02'. */
export function vietnamDate(at: Date): CalendarDate {
  return new Date(vietnamDayNumber(at) * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time in Vietnam: vietnamInstant('2026-02-13', 16 * 3_600_000) is 16:00 there. */
export function vietnamInstant(date: CalendarDate, msIntoDay = 0): Date {
  const midnightUtc = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(midnightUtc) || new Date(midnightUtc).toISOString().slice(0, 10) !== date)
    throw new RangeError(`invalid date: ${date}`);
  return new Date(midnightUtc - VIETNAM_OFFSET_MS + msIntoDay);
}

/** 00:00 in Vietnam on a date. */
export function vietnamDayStart(date: CalendarDate): Date {
  return vietnamInstant(date);
}

/** The instants of the days from `from` to `to` inclusive, in Vietnam: [from 00:00, the day after `to` 00:00). */
export function vietnamDays(from: CalendarDate, to: CalendarDate): { start: Date; end: Date } {
  return { start: vietnamDayStart(from), end: new Date(vietnamDayStart(to).getTime() + DAY_MS) };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "02/12/2026" in Vietnam. */
export function formatVietnamDate(at: Date): string {
  const p = vietnamParts(at);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "15:30" in Vietnam. */
export function formatVietnamClock(at: Date): string {
  const p = vietnamParts(at);
  return `${two(p.hour)}:${two(p.minute)}`;
}
