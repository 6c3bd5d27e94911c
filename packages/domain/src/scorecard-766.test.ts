import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DECISION_766_GROUPS, formatScore, scorecard } from './scorecard-766';

test('the five groups of Decision 766 add up to 100 points', () => {
  assert.equal(DECISION_766_GROUPS.length, 5);
  assert.equal(
    DECISION_766_GROUPS.reduce((s, g) => s + g.points, 0),
    100,
  );
});

test('a unit meeting every rate scores 100 of 100', () => {
  const card = scorecard({
    portalSync: 1,
    onTime: 1,
    online: 1,
    onlinePayment: 1,
    satisfaction: 1,
    electronicResult: 1,
    digitization: 1,
    componentDigitization: 1,
    reuse: 1,
  });
  assert.equal(card.total, 100);
  assert.equal(card.outOf, 100);
  assert.equal(formatScore(card), '100,00/100 điểm');
});

test('a group scores its points times the mean of its inputs, each shown beside it', () => {
  const card = scorecard({ online: 0.5, onlinePayment: 0.25 });
  const online = card.groups.find((g) => g.key === 'onlineService')!;
  // 22 × (0.5 + 0.25) / 2 = 8.25
  assert.equal(online.score, 8.25);
  assert.deepEqual(
    online.inputs.map((i) => [i.key, i.text]),
    [
      ['online', '50,00%'],
      ['onlinePayment', '25,00%'],
    ],
  );
});

test('an input without data is left out of its group, never counted as 0, and an empty group has no score', () => {
  const card = scorecard({ onTime: 0.9, electronicResult: 0.8, reuse: null });
  const digitization = card.groups.find((g) => g.key === 'digitization')!;
  assert.equal(digitization.score, 17.6); // 22 × 0.8: the reuse rate has no data
  assert.equal(digitization.inputs.find((i) => i.key === 'reuse')?.text, 'chưa có dữ liệu');
  const transparency = card.groups.find((g) => g.key === 'transparency')!;
  assert.equal(transparency.score, null);
  // 20 × 0.9 + 17.6, out of the 42 points that could be scored
  assert.equal(card.total, 35.6);
  assert.equal(card.outOf, 42);
  assert.equal(formatScore(card), '35,60/42 điểm');
});

test('scores round half-up at 2 decimals, and a unit with no data at all has no score', () => {
  // 18 × 0.951388… = 17.125 exactly for 137/144
  const card = scorecard({ satisfaction: 137 / 144 });
  assert.equal(card.groups.find((g) => g.key === 'satisfaction')?.score, 17.13);
  const empty = scorecard({});
  assert.equal(empty.total, null);
  assert.equal(formatScore(empty), 'chưa có dữ liệu');
});
