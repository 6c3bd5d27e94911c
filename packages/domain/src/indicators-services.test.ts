import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CatalogProcedure, onlineServiceFigures, type ProcedureCounts } from './indicators-services';

const procedures = (n: number, level: 'full' | 'partial', prefix: string): CatalogProcedure[] =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i}`, onlineLevel: level }));

test("seed 004's commune: 51 procedures online (44 partial, 7 full), 10 with dossiers, 205 + 13 online dossiers", () => {
  const catalog = [...procedures(44, 'partial', 'P'), ...procedures(7, 'full', 'F')];
  const counts: ProcedureCounts[] = [
    // Nine partial procedures share 205 online dossiers, one full procedure has 13.
    ...Array.from({ length: 9 }, (_, i) => ({
      code: `P${i}`,
      received: i === 0 ? 197 : 1,
      online: i === 0 ? 197 : 1,
      feeBearing: 0,
      paidOnline: 0,
    })),
    { code: 'F0', received: 13, online: 13, feeBearing: 0, paidOnline: 0 },
    // A procedure with no dossier in the period is offered but does not count as having dossiers.
    { code: 'P20', received: 0, online: 0, feeBearing: 0, paidOnline: 0 },
  ];
  const f = onlineServiceFigures(catalog, counts);
  assert.deepEqual(
    [f.all.procedures, f.partial.procedures, f.full.procedures, f.all.withDossiers, f.partial.withDossiers, f.full.withDossiers],
    [51, 44, 7, 10, 9, 1],
  );
  assert.deepEqual([f.partial.online, f.partial.received, f.partial.onlineText], [205, 205, '100,00%']);
  assert.deepEqual([f.full.online, f.full.received, f.full.onlineText], [13, 13, '100,00%']);
});

test("seed 003's payments: per transaction and per fee-bearing procedure are two different rates", () => {
  const catalog = procedures(100, 'full', 'F');
  // 98 procedures with a fee (10,000 payments), 67 of them paid online at least once (2,871 payments).
  const counts: ProcedureCounts[] = Array.from({ length: 98 }, (_, i) => ({
    code: `F${i}`,
    received: 200,
    online: 60,
    feeBearing: i < 4 ? 103 : 102,
    paidOnline: i < 57 ? 43 : i < 67 ? 42 : 0,
  }));
  const f = onlineServiceFigures(catalog, counts);
  assert.equal(f.paymentByProcedure.text, '68,37%');
  assert.deepEqual([f.paymentByProcedure.paidOnline, f.paymentByProcedure.feeBearing], [67, 98]);
  assert.deepEqual([f.paymentByTransaction.paidOnline, f.paymentByTransaction.feeBearing], [2871, 10_000]);
  assert.equal(f.paymentByTransaction.text, '28,71%');
});

test('nothing to measure is shown as such, not as 0%', () => {
  const f = onlineServiceFigures([], []);
  assert.equal(f.paymentByProcedure.text, '—');
  assert.equal(f.all.onlineText, '—');
});
