import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPersonalData } from './masking';

test('phone numbers as people write them, identity numbers, dossier codes, e-mails and short factors are masked', () => {
  for (const [text, expected] of [
    ['gọi 0912345678 nhé', 'gọi [số điện thoại] nhé'],
    ['sđt 0912 345 678', 'sđt [số điện thoại]'],
    ['số +84 912.345.678', 'số [số điện thoại]'],
    ['cccd 079123456789', 'cccd [số định danh]'],
    ['cmnd 212 345 678', 'cmnd [số định danh]'],
    ['hồ sơ 000.00.21.H55-261130-0001 đâu rồi', 'hồ sơ [mã hồ sơ] đâu rồi'],
    ['mail an.nguyen@gmail.com', 'mail [email]'],
    ['4 số cuối 5678', '4 số cuối [số]'],
  ] as const) {
    assert.equal(maskPersonalData(text), expected, text);
  }
});

test("what is not personal stays: a procedure's code, a fee, a number of days", () => {
  const text = 'thủ tục 1.001612 lệ phí 100.000 đồng trong 3 ngày';
  assert.equal(maskPersonalData(text), text);
});
