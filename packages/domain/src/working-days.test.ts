import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { OFFICIAL_CALENDAR_2023_2026 } from './calendar-official-2023-2026';
import { dayNumber } from './holidays';
import {
  addWorkingDays,
  buildCalendar,
  calendarDateOf,
  calendarInstant,
  dueAt,
  isWorkingInstant,
  reducedDuration,
  type WorkingDuration,
  workingDurationMs,
  workingTimeBetween,
} from './working-days';

const cal = buildCalendar({ years: [2023, 2024, 2025, 2026], overrides: [...OFFICIAL_CALENDAR_2023_2026] });
const at = (date: string, time: string) => calendarInstant(date, time);
/** Vietnam wall-clock rendering of an instant, for readable failures. */
const vn = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

// An ordinary week: Monday 10 March 2025 … Sunday 16 March 2025.
const MON = '2025-03-10';
const TUE = '2025-03-11';
const WED = '2025-03-12';
const FRI = '2025-03-14';
const SAT = '2025-03-15';

test('instants are read in Vietnam time (UTC+7)', () => {
  assert.equal(at(MON, '07:30').toISOString(), '2025-03-10T00:30:00.000Z');
  assert.equal(calendarDateOf(new Date('2025-03-09T17:00:00Z')), MON, 'midnight in Vietnam is 17:00 UTC');
  assert.equal(calendarDateOf(new Date('2025-03-09T16:59:59Z')), '2025-03-09');
});

const cases: Array<{ rule: string; received: [string, string]; duration: WorkingDuration; due: string }> = [
  {
    rule: 'start of the day, 1 day → end of the same day',
    received: [MON, '07:30'],
    duration: { workingDays: 1 },
    due: `${MON} 17:00`,
  },
  {
    rule: 'afternoon reception, 1 day → same time next day',
    received: [MON, '14:00'],
    duration: { workingDays: 1 },
    due: `${TUE} 14:00`,
  },
  { rule: 'before opening counts from 07:30', received: [MON, '06:00'], duration: { workingDays: 1 }, due: `${MON} 17:00` },
  { rule: 'lunch break counts from 13:30', received: [MON, '12:00'], duration: { workingHours: 3.5 }, due: `${MON} 17:00` },
  { rule: 'lunch break, half a day', received: [MON, '12:00'], duration: { workingDays: 0.5 }, due: `${TUE} 07:45` },
  {
    rule: 'exactly at closing counts from next morning',
    received: [MON, '17:00'],
    duration: { workingDays: 1 },
    due: `${TUE} 17:00`,
  },
  { rule: 'Friday evening → Monday', received: [FRI, '20:00'], duration: { workingDays: 1 }, due: `2025-03-17 17:00` },
  { rule: 'Saturday → Monday', received: [SAT, '09:00'], duration: { workingDays: 1 }, due: `2025-03-17 17:00` },
  {
    rule: 'zero duration is the start of the clock',
    received: [FRI, '20:00'],
    duration: { workingDays: 0 },
    due: `2025-03-17 07:30`,
  },
  {
    rule: 'fraction: 3 days − 20% = 2.4 days = 18 h',
    received: [MON, '07:30'],
    duration: { workingDays: 2.4 },
    due: `${WED} 10:30`,
  },
  { rule: 'hours across lunch', received: [MON, '10:00'], duration: { workingHours: 4 }, due: `${MON} 16:00` },
  { rule: 'ending at 11:30 stays at 11:30', received: [MON, '07:30'], duration: { workingHours: 4 }, due: `${MON} 11:30` },
  {
    rule: 'at 11:30 sharp waits for the afternoon',
    received: [MON, '11:30'],
    duration: { workingHours: 4 },
    due: `${TUE} 08:00`,
  },
  // Holidays (official calendar).
  {
    rule: 'Tết 2023: before Tết → after',
    received: ['2023-01-19', '14:00'],
    duration: { workingDays: 1 },
    due: '2023-01-27 14:00',
  },
  { rule: 'Tết 2024: 2 days over Tết', received: ['2024-02-07', '10:00'], duration: { workingDays: 2 }, due: '2024-02-16 10:00' },
  {
    rule: 'Tết 2025: last hour before Tết',
    received: ['2025-01-24', '16:00'],
    duration: { workingDays: 1 },
    due: '2025-02-03 16:00',
  },
  {
    rule: 'Tết 2026: filed online during Tết',
    received: ['2026-02-18', '21:00'],
    duration: { workingDays: 1 },
    due: '2026-02-23 17:00',
  },
  { rule: 'Tết 2026: Friday before', received: ['2026-02-13', '16:00'], duration: { workingDays: 1 }, due: '2026-02-23 16:00' },
  {
    rule: '30/4 2025: Saturday 26/4 is worked',
    received: ['2025-04-26', '09:00'],
    duration: { workingDays: 1 },
    due: '2025-04-28 09:00',
  },
  { rule: '30/4 2025: five days off', received: ['2025-04-29', '15:00'], duration: { workingDays: 1 }, due: '2025-05-05 15:00' },
  { rule: '2/9 2025', received: ['2025-08-29', '10:00'], duration: { workingDays: 1 }, due: '2025-09-03 10:00' },
  { rule: '2/9 2024', received: ['2024-08-30', '16:00'], duration: { workingDays: 3 }, due: '2024-09-06 16:00' },
];

for (const c of cases) {
  test(`dueAt: ${c.rule}`, () => {
    assert.equal(vn(dueAt(at(c.received[0], c.received[1]), c.duration, cal)), c.due);
  });
}

test('office hours are data per agency', () => {
  const other = buildCalendar({
    officeHours: {
      periods: [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '12:00' },
      ],
    },
  });
  assert.equal(other.dailyMs, 8 * 3_600_000);
  assert.equal(vn(dueAt(at(MON, '08:00'), { workingDays: 1 }, other)), `${MON} 17:00`);
  assert.equal(vn(dueAt(at(MON, '12:30'), { workingDays: 0.5 }, other)), `${MON} 17:00`);
  assert.throws(() => buildCalendar({ officeHours: { periods: [{ start: '08:00', end: '07:00' }] } }), RangeError);
  assert.throws(() => buildCalendar({ officeHours: { periods: [] } }), RangeError);
});

test('isWorkingInstant: office periods of working days only', () => {
  assert.equal(isWorkingInstant(at(MON, '07:30'), cal), true);
  assert.equal(isWorkingInstant(at(MON, '11:29'), cal), true);
  assert.equal(isWorkingInstant(at(MON, '11:30'), cal), false);
  assert.equal(isWorkingInstant(at(MON, '12:15'), cal), false);
  assert.equal(isWorkingInstant(at(MON, '17:00'), cal), false);
  assert.equal(isWorkingInstant(at(SAT, '09:00'), cal), false);
  assert.equal(isWorkingInstant(at('2025-04-26', '09:00'), cal), true, 'a Saturday made working');
  assert.equal(isWorkingInstant(at('2026-02-17', '09:00'), cal), false, 'mùng 1 Tết');
});

test('workingTimeBetween counts only office time (for pausing the clock)', () => {
  const h = 3_600_000;
  assert.equal(workingTimeBetween(at(MON, '07:30'), at(MON, '17:00'), cal), 7.5 * h);
  assert.equal(workingTimeBetween(at(MON, '11:00'), at(MON, '14:00'), cal), 1 * h);
  assert.equal(workingTimeBetween(at(FRI, '16:00'), at('2025-03-17', '08:00'), cal), 1.5 * h);
  assert.equal(workingTimeBetween(at(TUE, '09:00'), at(MON, '09:00'), cal), 0);
  assert.equal(workingTimeBetween(at('2026-02-13', '17:00'), at('2026-02-23', '07:30'), cal), 0, 'the whole Tết break');
});

test('addWorkingDays counts whole working days for notice periods', () => {
  assert.equal(addWorkingDays(MON, 3, cal), '2025-03-13');
  assert.equal(addWorkingDays(FRI, 1, cal), '2025-03-17');
  assert.equal(addWorkingDays('2025-03-17', -3, cal), '2025-03-12');
  assert.equal(addWorkingDays(SAT, 0, cal), SAT);
  // A promotion starting Monday 23/02/2026 must be filed by 3 working days before: across Tết.
  assert.equal(addWorkingDays('2026-02-23', -3, cal), '2026-02-11');
  assert.throws(() => addWorkingDays(MON, 1.5, cal), RangeError);
});

test('reducedDuration: the province chooses the rounding', () => {
  assert.equal(reducedDuration(3, 20, 'none'), 2.4);
  assert.equal(reducedDuration(3, 20, 'half_day_down'), 2);
  assert.equal(reducedDuration(3, 20, 'day_down'), 2);
  assert.equal(reducedDuration(5, 30, 'none'), 3.5);
  assert.equal(reducedDuration(5, 30, 'half_day_down'), 3.5);
  assert.equal(reducedDuration(5, 30, 'day_down'), 3);
  assert.equal(reducedDuration(10, 20, 'day_down'), 8);
  assert.equal(reducedDuration(7, 0, 'none'), 7);
  assert.throws(() => reducedDuration(3, 120, 'none'), RangeError);
  assert.throws(() => reducedDuration(-1, 20, 'none'), RangeError);
});

// Property tests over 2023–2026 with the official calendar.
const FROM = Date.parse('2023-01-01T00:00:00Z');
const TO = Date.parse('2026-12-01T00:00:00Z');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
/** Durations in tenths of a day (0–30 days) or in whole minutes up to 40 hours. */
const duration: fc.Arbitrary<WorkingDuration> = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map((t) => ({ workingDays: t / 10 })),
  fc.integer({ min: 0, max: 2400 }).map((m) => ({ workingHours: m / 60 })),
);

test('property: the due time is on a working day, inside office hours, never before reception', () => {
  fc.assert(
    fc.property(instant, duration, (received, d) => {
      const due = dueAt(received, d, cal);
      assert.ok(due.getTime() >= received.getTime(), 'not before reception');
      assert.ok(cal.isWorkingDay(due), `${vn(due)} is a working day`);
      // Inside a period, its end included (a due time may land exactly at closing).
      const inside = isWorkingInstant(due, cal) || isWorkingInstant(new Date(due.getTime() - 1), cal);
      assert.ok(inside, `${vn(due)} inside office hours`);
    }),
    { numRuns: 500 },
  );
});

test('property: the working time from reception to the due time is the duration', () => {
  fc.assert(
    fc.property(instant, duration, (received, d) => {
      assert.equal(workingTimeBetween(received, dueAt(received, d, cal), cal), workingDurationMs(d, cal));
    }),
    { numRuns: 500 },
  );
});

test('property: a longer duration never gives an earlier due time', () => {
  fc.assert(
    fc.property(instant, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 100 }), (received, a, extra) => {
      const short = dueAt(received, { workingDays: a / 10 }, cal);
      const long = dueAt(received, { workingDays: (a + extra) / 10 }, cal);
      assert.ok(long.getTime() >= short.getTime());
    }),
    { numRuns: 300 },
  );
});

test('property: addWorkingDays lands on a working day, n working days away', () => {
  fc.assert(
    fc.property(
      instant,
      fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0),
      (received, n) => {
        const start = calendarDateOf(received);
        const end = addWorkingDays(start, n, cal);
        assert.ok(cal.isWorkingDay(end));
        // Exactly |n| working days in the half-open interval between start and end.
        const [lo, hi] = n > 0 ? [dayNumber(start) + 1, dayNumber(end)] : [dayNumber(end), dayNumber(start) - 1];
        let count = 0;
        for (let day = lo; day <= hi; day++) if (cal.isWorkingDayNumber(day)) count++;
        assert.equal(count, Math.abs(n));
      },
    ),
    { numRuns: 300 },
  );
});
