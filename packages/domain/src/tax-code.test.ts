import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTaxCode, TaxCode, taxCodeCheckDigit } from './tax-code';

test('check digit: 10 − (Σ digit × 31,29,23,19,17,13,7,5,3 mod 11)', () => {
  const cases: Array<[string, number | undefined]> = [
    ['010010910', 6], // Viettel 0100109106
    ['030058856', 9], // Vinamilk 0300588569
    ['100000008', undefined], // remainder 0: no digit fits, no such code is issued
  ];
  for (const [nine, digit] of cases) assert.equal(taxCodeCheckDigit(nine), digit, nine);
});

test('valid codes are accepted and normalised', () => {
  const cases: Array<[string, string]> = [
    ['0100109106', '0100109106'],
    [' 0300 588 569 ', '0300588569'],
    ['0100109106-001', '0100109106-001'],
    ['0100109106001', '0100109106-001'],
  ];
  for (const [input, output] of cases) assert.equal(TaxCode.parse(input), output, input);
});

test('invalid codes give a Vietnamese reason', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /Vui lòng nhập mã số thuế/],
    ['12345', /10 chữ số, hoặc 13 chữ số/],
    ['01001091060', /10 chữ số, hoặc 13 chữ số/],
    ['01001O9106', /10 chữ số/],
    ['0100109107', /chữ số kiểm tra \(chữ số thứ 10\) không đúng/],
    ['0100109106-000', /Mã số thuế không hợp lệ/],
    ['0000000000', /Mã số thuế không hợp lệ/],
  ];
  for (const [input, expected] of cases) {
    const problems = checkTaxCode(input);
    assert.ok(
      problems.some((p) => expected.test(p)),
      `${input}: ${JSON.stringify(problems)}`,
    );
    const parsed = TaxCode.safeParse(input);
    assert.equal(parsed.success, false, input);
    assert.match(parsed.error?.issues[0]?.message ?? '', expected);
  }
});
