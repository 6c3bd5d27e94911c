import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findProcedure, PROCEDURES } from './index';
import { feeFor, type ProcedureDefinition, ProcedureDefinition as ProcedureDefinitionSchema } from './procedure';

test('every definition parses by the schema and codes and slugs are unique', () => {
  assert.equal(PROCEDURES.length, 10);
  for (const p of PROCEDURES) assert.doesNotThrow(() => ProcedureDefinitionSchema.parse(p), p.code);
  assert.equal(new Set(PROCEDURES.map((p) => p.code)).size, PROCEDURES.length);
  assert.equal(new Set(PROCEDURES.map((p) => p.slug)).size, PROCEDURES.length);
});

test('the two interlinked groups have three members each', () => {
  const members = (group: string) => PROCEDURES.filter((p) => p.interlinkGroup === group).map((p) => p.slug);
  assert.deepEqual(members('birth'), ['dang-ky-khai-sinh', 'dang-ky-thuong-tru', 'cap-the-bhyt-tre-em-duoi-6-tuoi']);
  assert.deepEqual(members('death'), ['dang-ky-khai-tu', 'xoa-dang-ky-thuong-tru', 'ho-tro-chi-phi-mai-tang']);
});

test('the promotion notice has no processing time but a 3-working-day notice period', () => {
  const notice = PROCEDURES.find((p) => p.slug === 'thong-bao-hoat-dong-khuyen-mai')!;
  assert.equal(notice.legalDurationWorkingDays, 0);
  assert.equal(notice.minimumNoticeWorkingDays, 3);
  assert.equal(notice.fee.kind, 'none');
});

test('household registration: 100,000 đ at the counter, half online (web and app)', () => {
  const p = findProcedure('1.001612')!;
  assert.equal(feeFor(p, 'direct'), 100_000);
  assert.equal(feeFor(p, 'web'), 50_000);
  assert.equal(feeFor(p, 'mobile'), 50_000);
  // Filed by the hotline operator for a caller: not the citizen's own online filing.
  assert.equal(feeFor(p, 'phone'), 100_000);
});

test('procedures without a fee cost nothing on any channel', () => {
  for (const code of ['1.001266', '1.001193', '1.000656', '1.003197', '1.001731']) {
    const p = findProcedure(code)!;
    for (const channel of ['direct', 'web', 'mobile', 'phone'] as const)
      assert.equal(feeFor(p, channel), 0, `${code} ${channel}`);
  }
});

test('a time-limited online reduction applies only within its dates (Vietnam calendar days)', () => {
  const p: Pick<ProcedureDefinition, 'fee'> = {
    fee: {
      kind: 'fixed',
      amount: 25_001,
      onlineReductionPercent: 50,
      onlineReductionFrom: '2022-11-01',
      onlineReductionUntil: '2025-12-31',
      payableAt: 'submission',
      legalBasis: 'test',
    },
  };
  assert.equal(feeFor(p, 'web', '2022-10-31'), 25_001);
  assert.equal(feeFor(p, 'web', '2023-06-01'), 12_500, 'rounded down, never more than the percentage says');
  // 2025-12-31T17:30Z is already 1 January 2026 in Vietnam.
  assert.equal(feeFor(p, 'web', new Date('2025-12-31T17:30:00Z')), 25_001);
  assert.equal(feeFor(p, 'web', new Date('2025-12-31T16:30:00Z')), 12_500);
});

test('findProcedure returns undefined for an unknown code', () => {
  assert.equal(findProcedure('9.999999'), undefined);
});
