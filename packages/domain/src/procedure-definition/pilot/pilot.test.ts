import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findProcedure } from '../../procedures/index';
import { authorityOn } from '../intake-policy';
import { PILOT_DEFINITIONS } from './index';

/** The pilot definitions restate the catalog's facts (procedures/): the two must not drift apart. */
test('each pilot definition carries the same facts as its catalog entry', () => {
  for (const d of PILOT_DEFINITIONS) {
    const p = findProcedure(d.code);
    assert.ok(p, d.code);
    assert.deepEqual(
      [d.slug, d.names.vi, d.names.en, d.topic, d.onlineLevel],
      [p.slug, p.name, p.nameEn, p.topic, p.onlineLevel],
      d.code,
    );
    assert.deepEqual(d.legalDuration, {
      unit: 'working-days',
      amount: p.legalDurationWorkingDays,
      ...(d.legalDuration.note ? { note: d.legalDuration.note } : {}),
    });
    assert.equal(d.notice?.workingDaysBefore, p.minimumNoticeWorkingDays, d.code);
    if (p.fee.kind === 'fixed') {
      assert.equal(d.fee.kind, 'fixed', d.code);
      if (d.fee.kind !== 'fixed') continue;
      assert.deepEqual(
        [d.fee.amount, d.fee.onlineReduction?.percent ?? 0, d.fee.payableAt, d.fee.legalBasis],
        [p.fee.amount, p.fee.onlineReductionPercent, p.fee.payableAt, p.fee.legalBasis],
        d.code,
      );
    } else assert.equal(d.fee.kind, 'none', d.code);
    assert.deepEqual(
      d.components.map((c) => [c.id, c.name.vi, c.requirement.kind === 'mandatory', c.accepts, c.maxBytes, c.copies]),
      p.components.map((c) => [c.id, c.name, c.mandatory, c.accepts, c.maxBytes, c.copies]),
      d.code,
    );
    assert.deepEqual([d.result.kind, d.result.isDocument], [p.resultKind, p.resultIsDocument], d.code);
    assert.deepEqual(d.legalBasis, p.legalBasis, d.code);
    // Authority per era: before and after the 1 July 2025 reform.
    assert.equal(authorityOn(d, '2025-06-30')?.level, p.authority.before2025, d.code);
    assert.equal(authorityOn(d, '2025-07-01')?.level, p.authority.from2025, d.code);
    assert.equal(authorityOn(d, '2025-07-01')?.agencyKind, p.authority.agencyKind, d.code);
    assert.equal(authorityOn(d, '2025-06-30')?.agencyKind, p.authority.agencyKindBefore2025 ?? p.authority.agencyKind, d.code);
  }
});
