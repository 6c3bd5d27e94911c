import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderForCitizen } from './templates';

test('a confirmed fee payment tells the citizen in the app, with the amount and the receipt number', () => {
  const rendered = renderForCitizen({
    kind: 'fee_paid',
    dossierId: 'x',
    code: 'UBND.21025-261130-0001',
    procedureCode: '1.001612',
    agencyCode: 'UBND.21025',
    at: '2026-11-30T02:00:00.000Z',
    dueAt: null,
    amount: 50_000,
    receiptNumber: '0000123',
  } as Parameters<typeof renderForCitizen>[0]);
  assert.equal(rendered?.title, 'Đã thanh toán phí hồ sơ UBND.21025-261130-0001');
  assert.match(rendered?.body ?? '', /50\.000 đ.*0000123/);
});
