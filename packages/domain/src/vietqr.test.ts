import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc16CcittFalse, hasValidVietQrCrc, transferContent, vietQrPayload } from './vietqr';

test('CRC-16/CCITT-FALSE matches the standard check value', () => {
  // The catalogue check value of CRC-16/CCITT-FALSE over "123456789".
  assert.equal(crc16CcittFalse('123456789'), '29B1');
});

test('a published VietQR sample is reproduced byte for byte, CRC included', () => {
  // subiz/vietqr README: 120,000 đ to VietinBank (970415) account 0011001932418, "ủng hộ lũ lụt".
  const sample =
    '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
  assert.equal(hasValidVietQrCrc(sample), true);
  const ours = vietQrPayload({ bin: '970415', accountNumber: '0011001932418', amount: 120_000, purpose: 'ung ho lu lut' });
  assert.equal(ours, sample);
});

test('a fee payment code carries the amount, the account and an ASCII purpose', () => {
  const p = vietQrPayload({
    bin: '970415',
    accountNumber: '113000000000',
    amount: 50_000,
    purpose: 'Lệ phí hồ sơ H51-261202-0001',
  });
  assert.match(p, /^000201010212/);
  assert.ok(p.includes('0010A000000727'));
  assert.ok(p.includes('5405500005802VN'));
  assert.ok(p.includes('Le phi ho so H51-261202'));
  assert.equal(hasValidVietQrCrc(p), true);
  assert.equal(hasValidVietQrCrc(`${p.slice(0, -1)}0`), p.endsWith('0'));
});

test('a static code has no amount, and bad input is refused', () => {
  assert.match(vietQrPayload({ bin: '970415', accountNumber: '123' }), /^000201010211/);
  assert.throws(() => vietQrPayload({ bin: '9704', accountNumber: '123' }), RangeError);
  assert.throws(() => vietQrPayload({ bin: '970415', accountNumber: '123', amount: 0 }), RangeError);
  assert.equal(transferContent('Đóng phí: hồ sơ #12'), 'Dong phi ho so 12');
});
