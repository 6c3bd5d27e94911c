import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  classifyUnit,
  formatPercentOf,
  formatPercentVi,
  monthPeriod,
  monthsOf,
  onlinePaymentRate,
  onlineRate,
  onTimeRate,
  parsePeriodSpec,
  percentNumber,
  periodInstants,
  phasePeriod,
  quarterPeriod,
  roundedRate,
  satisfactionRate,
  yearPeriod,
} from './indicators';

test('seed 002 phase 3: 784 of 801 online shows as 97,88% (the report wrote 97,87% by truncation)', () => {
  assert.equal(formatPercentVi(onlineRate(784, 801)), '97,88%');
  assert.equal(formatPercentVi(onlineRate(17, 801)), '2,12%');
});

test('a zero denominator is "nothing to measure", not 0%', () => {
  assert.equal(onlineRate(0, 0), null);
  assert.equal(formatPercentVi(onTimeRate(0, 0, 0, 0)), '—');
  assert.equal(onlinePaymentRate(3, 0), null);
});

test('seed 004: 288 on time of 293 resolved + 18 in time', () => {
  assert.equal(formatPercentVi(onTimeRate(288, 18, 293, 18)), '98,39%');
  assert.equal(formatPercentVi(satisfactionRate(5, 0, 293, 18)), '98,39%');
});

test('seed 000 classes against the 30% target of Nov 2022', () => {
  assert.equal(classifyUnit(70, 110, 0.3), 'met');
  assert.equal(classifyUnit(30, 180, 0.3), 'below');
  assert.equal(classifyUnit(0, 75, 0.3), 'none');
  assert.equal(classifyUnit(0, 0, 0.3), 'none');
  assert.equal(classifyUnit(15, 50, 0.3), 'met', 'exactly the target is met');
  assert.equal(classifyUnit(99, 100, 1), 'below', 'online-only means every dossier');
});

test('classification is monotone in the online count', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      (total, k, rate) => {
        const a = Math.min(k, total);
        const order = { none: 0, below: 1, met: 2 };
        const c1 = classifyUnit(a, total, rate);
        const c2 = classifyUnit(Math.min(a + 1, total), total, rate);
        assert.ok(order[c2] >= order[c1]);
      },
    ),
  );
});

test('periods are Vietnam days: November 2022 starts at 17:00 UTC on 31 Oct', () => {
  const p = monthPeriod('2022-11');
  assert.deepEqual(p, { from: '2022-11-01', to: '2022-12-01' });
  assert.equal(periodInstants(p).start.toISOString(), '2022-10-31T17:00:00.000Z');
  assert.deepEqual(monthPeriod('2022-12'), { from: '2022-12-01', to: '2023-01-01' });
  assert.deepEqual(quarterPeriod(2023, 4), { from: '2023-10-01', to: '2024-01-01' });
  assert.deepEqual(yearPeriod(2023), { from: '2023-01-01', to: '2024-01-01' });
  assert.deepEqual(phasePeriod({ code: 'p2', name: 'GĐ 2', from: '2023-01-03', toInclusive: '2023-03-21' }), {
    from: '2023-01-03',
    to: '2023-03-22',
  });
  assert.deepEqual(parsePeriodSpec('2023-Q1'), { from: '2023-01-01', to: '2023-04-01' });
  assert.equal(parsePeriodSpec('2023-13'), undefined);
  assert.deepEqual(monthsOf({ from: '2022-11-15', to: '2023-02-01' }), ['2022-11', '2022-12', '2023-01']);
});

test('exact halves round up (issue 17): 23/160 = 14,375% shows 14,38%, 29/800 = 3,625% shows 3,63%', () => {
  assert.equal(formatPercentOf(23, 160), '14,38%');
  assert.equal(formatPercentOf(29, 800), '3,63%');
  assert.equal(formatPercentVi(onlineRate(23, 160)), '14,38%');
  assert.equal(formatPercentVi(onlineRate(29, 800)), '3,63%');
  assert.equal(formatPercentOf(1, 8, 0), '13%');
  assert.equal(formatPercentOf(0, 5), '0,00%');
  assert.equal(formatPercentOf(5, 5), '100,00%');
  assert.equal(formatPercentOf(3, 0), '—');
  assert.equal(percentNumber(onlineRate(23, 160)), 14.38);
  assert.equal(percentNumber(null), null);
  // 1 − 23/160 = 85,625%: as 1 − a float it would land on either side of the half.
  assert.equal(formatPercentVi(satisfactionRate(23, 0, 160, 0)), '85,63%');
  assert.equal(formatPercentVi(satisfactionRate(200, 0, 160, 0)), '0,00%');
});

test('the percent text equals exact half-up rounding of n/d for every small fraction', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (d, k) => {
      const n = k % (d + 1);
      // Reference in integers: hundredths of a percent, half-up.
      const hundredths = Math.floor((2 * n * 10_000 + d) / (2 * d));
      const expected = `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}%`;
      assert.equal(formatPercentOf(n, d), expected);
      assert.equal(formatPercentVi(onlineRate(n, d)), expected);
    }),
  );
});

test('a rate for a spreadsheet is rounded as its text shows it: 23/160 → 0,1438, 29/800 → 0,0363', () => {
  assert.equal(roundedRate(onlineRate(23, 160)), 0.1438);
  assert.equal(roundedRate(onlineRate(29, 800)), 0.0363);
  assert.equal(roundedRate(onlineRate(0, 0)), null);
});
