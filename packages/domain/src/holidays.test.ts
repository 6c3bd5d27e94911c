import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OFFICIAL_CALENDAR_2023_2026 } from './calendar-official-2023-2026';
import { dayNumber, fromDayNumber, isCalendarDate, isWeekendDay, proposeHolidays, statutoryHolidays } from './holidays';
import { buildCalendar } from './working-days';

const official = buildCalendar({ overrides: [...OFFICIAL_CALENDAR_2023_2026] });

/** Every day from..to (inclusive) that is not a working day under the official calendar. */
function daysOff(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) if (!official.isWorkingDayNumber(d)) out.push(fromDayNumber(d));
  return out;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(fromDayNumber(d));
  return out;
}

test('mùng 1 Tết and Giỗ Tổ Hùng Vương come from the lunar calendar (2023–2027)', () => {
  const expected: Record<number, [string, string]> = {
    2023: ['2023-01-22', '2023-04-29'], // 2023 has a leap 2nd lunar month: Giỗ Tổ falls late
    2024: ['2024-02-10', '2024-04-18'],
    2025: ['2025-01-29', '2025-04-07'],
    2026: ['2026-02-17', '2026-04-26'],
    2027: ['2027-02-06', '2027-04-16'],
  };
  for (const [year, [tet, hung]] of Object.entries(expected)) {
    const list = statutoryHolidays(Number(year));
    assert.equal(list.find((h) => h.name === 'Tết Nguyên đán (mùng 1)')?.date, tet, `Tết ${year}`);
    assert.equal(list.find((h) => h.name.startsWith('Giỗ Tổ'))?.date, hung, `Giỗ Tổ ${year}`);
  }
});

test('the proposal has 11 statutory days a year: Tết is the last lunar day plus mùng 1–4', () => {
  for (const year of [2023, 2024, 2025, 2026, 2030]) assert.equal(statutoryHolidays(year).length, 11);
  const tet2026 = statutoryHolidays(2026).filter((h) => h.name.startsWith('Tết Nguyên đán'));
  assert.deepEqual(
    tet2026.map((h) => h.date),
    range('2026-02-16', '2026-02-20'),
  );
});

test('a holiday on a weekend gives a compensatory day on the next free working day', () => {
  const comp = (year: number) =>
    proposeHolidays(year)
      .filter((h) => h.kind === 'compensatory')
      .map((h) => `${h.date} ${h.name}`);
  // 2023: 1 Jan is a Sunday; Giỗ Tổ (Sat 29/4) and 30/4 (Sun) both move past 1/5 (Mon).
  assert.ok(comp(2023).includes('2023-01-02 Nghỉ bù Tết Dương lịch'));
  assert.ok(comp(2023).includes('2023-05-02 Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)'));
  assert.ok(comp(2023).includes('2023-05-03 Nghỉ bù Ngày Chiến thắng (30/4)'));
  // 2026: Giỗ Tổ on Sunday 26/4 → Monday 27/4.
  assert.deepEqual(comp(2026), ['2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)']);
  for (const year of [2023, 2024, 2025, 2026, 2027, 2028]) {
    for (const h of proposeHolidays(year).filter((x) => x.kind === 'compensatory')) {
      assert.ok(!isWeekendDay(dayNumber(h.date)), `${h.date} is a weekday`);
    }
  }
});

test('the day next to 2/9 joins the weekend, as the government chose in 2023–2025', () => {
  const adjacent = (year: number) => statutoryHolidays(year).find((h) => h.name === 'Quốc khánh (ngày liền kề)')?.date;
  assert.equal(adjacent(2023), '2023-09-01'); // 2/9 Saturday → Friday 1/9
  assert.equal(adjacent(2024), '2024-09-03'); // Monday → Tuesday 3/9
  assert.equal(adjacent(2025), '2025-09-01'); // Tuesday → Monday 1/9
  assert.equal(adjacent(2027), '2027-09-03'); // Thursday → Friday 3/9
});

test('Tết weeks 2023–2026 follow the official decisions', () => {
  assert.deepEqual(daysOff('2023-01-16', '2023-01-29'), [...range('2023-01-20', '2023-01-26'), '2023-01-28', '2023-01-29']);
  assert.ok(official.isWorkingDay('2023-01-27'), 'Friday 27/01/2023: back at work');
  assert.deepEqual(daysOff('2024-02-05', '2024-02-18'), [...range('2024-02-08', '2024-02-14'), '2024-02-17', '2024-02-18']);
  assert.deepEqual(daysOff('2025-01-20', '2025-02-09'), [...range('2025-01-25', '2025-02-02'), '2025-02-08', '2025-02-09']);
  assert.deepEqual(daysOff('2026-02-09', '2026-02-27'), [...range('2026-02-14', '2026-02-22')]);
});

test('30/4–1/5 and 2/9 follow the official decisions, including Saturdays made working days', () => {
  assert.deepEqual(daysOff('2023-04-28', '2023-05-05'), range('2023-04-29', '2023-05-03'));
  assert.deepEqual(daysOff('2024-04-26', '2024-05-05'), [...range('2024-04-27', '2024-05-01'), '2024-05-05']);
  assert.ok(official.isWorkingDay('2024-05-04'), 'Saturday 04/5/2024 is worked');
  assert.deepEqual(daysOff('2025-04-25', '2025-05-05'), ['2025-04-27', ...range('2025-04-30', '2025-05-04')]);
  assert.equal(official.dayInfo('2025-04-26').kind, 'working_day');
  assert.deepEqual(daysOff('2026-04-24', '2026-05-04'), [
    ...range('2026-04-25', '2026-04-27'),
    ...range('2026-04-30', '2026-05-03'),
  ]);
  assert.deepEqual(daysOff('2023-08-31', '2023-09-05'), range('2023-09-01', '2023-09-04'));
  assert.deepEqual(daysOff('2024-08-30', '2024-09-04'), range('2024-08-31', '2024-09-03'));
  assert.deepEqual(daysOff('2025-08-29', '2025-09-03'), range('2025-08-30', '2025-09-02'));
  assert.deepEqual(daysOff('2026-01-01', '2026-01-10'), [...range('2026-01-01', '2026-01-04')]);
  assert.ok(official.isWorkingDay('2026-01-10'), 'Saturday 10/01/2026 is worked');
});

test('the official data is clean: valid dates, one entry per date, a source for each', () => {
  const seen = new Set<string>();
  for (const e of OFFICIAL_CALENDAR_2023_2026) {
    assert.ok(isCalendarDate(e.date), e.date);
    assert.ok(!seen.has(e.date), `duplicate ${e.date}`);
    seen.add(e.date);
    assert.ok(e.name.length > 0 && e.source.length > 0, e.date);
  }
  assert.equal(isCalendarDate('2025-02-29'), false);
  assert.equal(isCalendarDate('2024-02-29'), true);
});
