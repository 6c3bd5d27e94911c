import { getSolarDate } from '@dqcai/vn-lunar';

/**
 * Public holidays of Vietnam (Labour Code 2019, art. 112) as a computed *proposal* for a year.
 * The Prime Minister fixes the exact Tết and National-Day days every year (often with swapped
 * working days), so the official calendar is this proposal corrected by overrides (data).
 */

/** A local (Asia/Ho_Chi_Minh) calendar date, 'YYYY-MM-DD'. */
export type CalendarDate = string;

export interface ProposedHoliday {
  date: CalendarDate;
  kind: 'holiday' | 'compensatory';
  name: string;
}

const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws on a malformed or impossible date. */
export function dayNumber(date: CalendarDate): number {
  const m = CALENDAR_DATE.exec(date);
  if (!m) throw new RangeError(`invalid date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  if (new Date(ms).getUTCDate() !== d || mo < 1 || mo > 12) throw new RangeError(`invalid date: ${date}`);
  return Math.round(ms / DAY_MS);
}

export function isCalendarDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekendDay(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function solar(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromLunar(day: number, month: number, lunarYear: number): number {
  const s = getSolarDate(day, month, lunarYear, false);
  return solar(s.year, s.month, s.day);
}

/**
 * Which day next to 2 Sep is proposed: the one that joins the weekend (Mon → 3 Sep, Tue → 1 Sep,
 * Thu → 3 Sep, Fri/Sat → 1 Sep). Matches the official choices of 2023 (Sat → 1 Sep), 2024
 * (Mon → 3 Sep) and 2025 (Tue → 1 Sep); Wed/Sun have no better side and get 1 Sep.
 */
function nationalDayAdjacent(year: number): number {
  const sep2 = solar(year, 9, 2);
  const w = weekdayOf(sep2);
  return w === 1 || w === 4 ? sep2 + 1 : sep2 - 1;
}

/** The holidays of art. 112 ¶1 falling in a solar year, in date order. */
export function statutoryHolidays(year: number): ProposedHoliday[] {
  const tet = fromLunar(1, 1, year);
  const list: Array<[number, string]> = [
    [solar(year, 1, 1), 'Tết Dương lịch'],
    // The last day of the lunar year (29 or 30 tháng Chạp) is the day before mùng 1.
    [tet - 1, 'Tết Nguyên đán (ngày cuối năm âm lịch)'],
    [tet, 'Tết Nguyên đán (mùng 1)'],
    [tet + 1, 'Tết Nguyên đán (mùng 2)'],
    [tet + 2, 'Tết Nguyên đán (mùng 3)'],
    [tet + 3, 'Tết Nguyên đán (mùng 4)'],
    [fromLunar(10, 3, year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    [solar(year, 4, 30), 'Ngày Chiến thắng (30/4)'],
    [solar(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)'],
    [solar(year, 9, 2), 'Quốc khánh (2/9)'],
    [nationalDayAdjacent(year), 'Quốc khánh (ngày liền kề)'],
  ];
  return list.sort((a, b) => a[0] - b[0]).map(([d, name]) => ({ date: fromDayNumber(d), kind: 'holiday' as const, name }));
}

/**
 * The computed proposal for a year: the statutory holidays plus, for each one falling on a
 * Saturday or Sunday, a compensatory day on the next day that is neither a weekend, a holiday
 * nor already a compensatory day (art. 112 ¶3).
 */
export function proposeHolidays(year: number): ProposedHoliday[] {
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => dayNumber(h.date)));
  const result: ProposedHoliday[] = [...holidays];
  for (const h of holidays) {
    const d = dayNumber(h.date);
    if (!isWeekendDay(d)) continue;
    let c = d + 1;
    while (isWeekendDay(c) || taken.has(c)) c++;
    taken.add(c);
    result.push({ date: fromDayNumber(c), kind: 'compensatory', name: `Nghỉ bù ${h.name}` });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
