import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiQuery, filtersFromQuery, isComplete, pageQuery, targetForMonth, trendQuery } from './query';
import type { ReportSettings } from './types';

const settings: ReportSettings = {
  groups: [{ code: 'HKD-THI-DIEM', name: 'Hộ kinh doanh' }],
  targets: [
    {
      groupCode: 'HKD-THI-DIEM',
      unitLevel: null,
      validFrom: '2022-11-01',
      validTo: '2022-12-01',
      onlineRate: 0.3,
      legalBasis: '5226',
    },
    {
      groupCode: 'HKD-THI-DIEM',
      unitLevel: null,
      validFrom: '2022-12-01',
      validTo: '2023-06-01',
      onlineRate: 0.5,
      legalBasis: '5226',
    },
    { groupCode: 'HKD-THI-DIEM', unitLevel: null, validFrom: '2023-06-01', validTo: null, onlineRate: 1, legalBasis: '5226' },
  ],
  phases: [
    { code: 'thi-diem-gd1', name: 'GĐ 1', from: '2022-11-01', to: '2022-11-30', source: '' },
    { code: 'thi-diem-gd3', name: 'GĐ 3', from: '2023-03-22', to: '2023-05-10', source: '' },
  ],
};

test('an empty address opens the last phase of the pilot for the group with targets', () => {
  const f = filtersFromQuery(new URLSearchParams(''), settings);
  assert.equal(apiQuery(f), 'period=phase%3Athi-diem-gd3&procedureGroup=HKD-THI-DIEM');
});

test('the address round-trips, "all procedures" included', () => {
  for (const q of [
    'period=2023-Q1&era=old&level=commune&procedureGroup=',
    'from=2023-01-03&to=2023-03-21&procedureGroup=HKD-THI-DIEM&agency=UBND.H524',
  ]) {
    assert.equal(pageQuery(filtersFromQuery(new URLSearchParams(q), settings)), q);
  }
  assert.equal(filtersFromQuery(new URLSearchParams('period=2022-11&procedureGroup='), settings).procedureGroup, undefined);
});

test('an unfinished period is not sent', () => {
  const f = filtersFromQuery(new URLSearchParams('period=2023'), settings);
  assert.equal(isComplete(f), true);
  assert.equal(isComplete({ ...f, kind: 'month', value: '2023' }), false);
  assert.equal(isComplete({ ...f, kind: 'range', from: '2023-05-01', to: '2023-04-01' }), false);
});

test('the monthly target follows Công văn 5226: 30% in Nov 2022, 50% from Dec, 100% from Jun 2023', () => {
  assert.deepEqual(
    ['2022-11', '2022-12', '2023-05', '2023-06', '2021-01'].map((m) => targetForMonth(settings, 'HKD-THI-DIEM', m)),
    [0.3, 0.5, 0.5, 1, null],
  );
  assert.equal(targetForMonth(settings, undefined, '2022-11'), null);
});

test('the monthly trend spans the whole years of the period', () => {
  const phase3 = filtersFromQuery(new URLSearchParams('period=phase:thi-diem-gd3'), settings);
  assert.equal(
    trendQuery(phase3, settings),
    'from=2023-01-01&to=2023-12-31&procedureGroup=HKD-THI-DIEM&groupBy=month&figures=false',
  );
  const nov = filtersFromQuery(new URLSearchParams('period=2022-11&era=old&procedureGroup='), settings);
  assert.equal(trendQuery(nov, settings), 'from=2022-01-01&to=2022-12-31&era=old&groupBy=month&figures=false');
});
