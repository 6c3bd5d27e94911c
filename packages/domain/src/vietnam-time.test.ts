import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatVietnamClock, formatVietnamDate, vietnamDate, vietnamDays, vietnamInstant, vietnamParts } from './vietnam-time';

test('an evening in UTC is already the next morning in Quảng Ngãi', () => {
  const at = new Date('2026-12-01T18:30:00Z');
  assert.equal(vietnamDate(at), '2026-12-02');
  assert.deepEqual(vietnamParts(at), { year: 2026, month: 12, day: 2, hour: 1, minute: 30, second: 0 });
  assert.equal(`${formatVietnamClock(at)} ${formatVietnamDate(at)}`, '01:30 02/12/2026');
});

test('a Vietnam day runs from its 00:00 there to the next day’s 00:00', () => {
  const { start, end } = vietnamDays('2026-12-01', '2026-12-03');
  assert.equal(start.toISOString(), '2026-11-30T17:00:00.000Z');
  assert.equal(end.toISOString(), '2026-12-03T17:00:00.000Z');
  assert.equal(vietnamInstant('2026-02-13', 16 * 3_600_000).toISOString(), '2026-02-13T09:00:00.000Z');
});

test('a date that is not one is refused, not rolled over', () => {
  assert.throws(() => vietnamInstant('2026-13-01'), RangeError);
  assert.throws(() => vietnamInstant('1/12/2026'), RangeError);
  assert.throws(() => vietnamInstant('2026-02-31'), RangeError);
});
