import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countsAsOnTime, judgeTimeliness } from './timeliness';

const due = new Date('2023-09-20T10:00:00+07:00');
const periodEnd = new Date('2023-09-24T23:59:59+07:00');
const at = (iso: string) => new Date(`${iso}+07:00`);

test('on-time judgement per DOMAIN.md §7 (Decision 766/QĐ-TTg as applied)', () => {
  const cases: [string, Parameters<typeof judgeTimeliness>[0], ReturnType<typeof judgeTimeliness>][] = [
    [
      'finished before the due time',
      { dueAt: due, finishedAt: at('2023-09-19T15:00:00'), supplementCount: 0, periodEnd },
      'on_time',
    ],
    ['finished exactly at the due time', { dueAt: due, finishedAt: due, supplementCount: 1, periodEnd }, 'on_time'],
    [
      'finished after the due time',
      { dueAt: due, finishedAt: at('2023-09-21T08:00:00'), supplementCount: 0, periodEnd },
      'overdue',
    ],
    [
      'two supplement requests count as late',
      { dueAt: due, finishedAt: at('2023-09-19T15:00:00'), supplementCount: 2, periodEnd },
      'overdue',
    ],
    ['open, due after the period', { dueAt: at('2023-09-26T10:00:00'), supplementCount: 0, periodEnd }, 'in_time'],
    ['open, already past due', { dueAt: due, supplementCount: 0, periodEnd }, 'overdue_open'],
    ['open with two supplements', { dueAt: at('2023-09-26T10:00:00'), supplementCount: 2, periodEnd }, 'overdue_open'],
    [
      'finished after the period is judged open',
      { dueAt: at('2023-09-26T10:00:00'), finishedAt: at('2023-09-25T09:00:00'), supplementCount: 0, periodEnd },
      'in_time',
    ],
  ];
  for (const [name, input, expected] of cases) assert.equal(judgeTimeliness(input), expected, name);
});

test('the on-time rate counts finished on time and still within time', () => {
  assert.deepEqual((['on_time', 'in_time', 'overdue', 'overdue_open'] as const).map(countsAsOnTime), [true, true, false, false]);
});
