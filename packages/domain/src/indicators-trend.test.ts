import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectTargetMonth } from './indicators-trend';

const months = (start: string, rates: number[], received = 100) =>
  rates.map((r, i) => {
    const m = Number(start.slice(5, 7)) - 1 + i;
    return {
      month: `${Number(start.slice(0, 4)) + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
      online: Math.round(r * received),
      received,
    };
  });

test('a unit rising 10 points a month from 30% reaches 100% seven months later', () => {
  const p = projectTargetMonth(months('2023-01', [0.1, 0.2, 0.3]), 1, '2023-03');
  assert.equal(p.month, '2023-10');
  assert.equal(p.months, 3);
  assert.ok(Math.abs((p.slopePerMonth ?? 0) - 0.1) < 1e-12);
});

test('the year turns: from 40% in November rising 5 points a month, 50% is reached in January', () => {
  assert.equal(projectTargetMonth(months('2022-09', [0.3, 0.35, 0.4]), 0.5, '2022-11').month, '2023-01');
});

test('a big month weighs more than a small one', () => {
  // Two small months at 0% would pull a plain line down; weighted, the 200-dossier months decide.
  const history = [
    { month: '2023-01', online: 40, received: 200 },
    { month: '2023-02', online: 0, received: 2 },
    { month: '2023-03', online: 60, received: 200 },
    { month: '2023-04', online: 0, received: 2 },
    { month: '2023-05', online: 80, received: 200 },
  ];
  const p = projectTargetMonth(history, 0.5, '2023-05');
  assert.ok(p.month !== null && p.month >= '2023-06' && p.month <= '2023-08', String(p.month));
});

test('no projection from too few months, a falling trend, or a target decades away', () => {
  assert.deepEqual(projectTargetMonth(months('2023-01', [0.1, 0.2]), 0.5, '2023-02').reason, 'too_few_months');
  // Months without dossiers do not count as points.
  assert.equal(
    projectTargetMonth([...months('2023-01', [0.1, 0.2]), { month: '2023-03', online: 0, received: 0 }], 0.5, '2023-03').reason,
    'too_few_months',
  );
  assert.equal(projectTargetMonth(months('2023-01', [0.4, 0.3, 0.2]), 0.5, '2023-03').reason, 'not_rising');
  assert.equal(projectTargetMonth(months('2023-01', [0.1, 0.1, 0.1]), 0.5, '2023-03').reason, 'not_rising');
  assert.equal(projectTargetMonth(months('2023-01', [0.1, 0.101, 0.102], 1000), 1, '2023-03').reason, 'too_far');
  // Months after the period are not used: the report of March does not know April.
  assert.equal(
    projectTargetMonth([...months('2023-01', [0.1, 0.2]), ...months('2023-04', [0.9])], 0.5, '2023-03').reason,
    'too_few_months',
  );
});
