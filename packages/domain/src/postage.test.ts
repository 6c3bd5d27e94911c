import assert from 'node:assert/strict';
import { test } from 'node:test';
import { POSTAGE_RATES, postageFor, postalDestination, weightClassForResult } from './postage';

test('an address naming the province, with or without diacritics, is inside it; any other is not', () => {
  assert.equal(postalDestination('12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi.', 'Quảng Ngãi'), 'same-province');
  assert.equal(postalDestination('so 5 Tran Hung Dao, QUANG NGAI', 'Quảng Ngãi'), 'same-province');
  assert.equal(postalDestination('45 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh', 'Quảng Ngãi'), 'other-province');
  // "Quảng Ngãi" inside another word is not the province.
  assert.equal(postalDestination('Xã Quảng Ngãix', 'Quảng Ngãi'), 'other-province');
});

test('the fee is the table’s amount for the destination and the weight of the result', () => {
  assert.equal(weightClassForResult('certificate'), 'den-100g');
  assert.equal(weightClassForResult('document'), 'den-250g');
  const home = postageFor('tỉnh Quảng Ngãi', 'Quảng Ngãi', 'den-100g');
  assert.deepEqual(home, { destination: 'same-province', weightClass: 'den-100g', amount: 22_000 });
  const away = postageFor('Hà Nội', 'Quảng Ngãi', 'den-250g');
  assert.equal(away.amount, POSTAGE_RATES.rates['other-province']['den-250g']);
  assert.ok(away.amount > postageFor('Quảng Ngãi', 'Quảng Ngãi', 'den-250g').amount);
});
