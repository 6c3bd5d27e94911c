import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountInWords, readVietnameseNumber } from './amount-in-words';

test('reads numbers the Vietnamese way (mốt, lăm, linh, mươi, nghìn, triệu, tỷ)', () => {
  const cases: Array<[number, string]> = [
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1050, 'một nghìn không trăm năm mươi'],
    [15_000, 'mười lăm nghìn'],
    [50_000, 'năm mươi nghìn'],
    [100_000, 'một trăm nghìn'],
    [250_500, 'hai trăm năm mươi nghìn năm trăm'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_005_000, 'một triệu không trăm linh năm nghìn'],
    [2_318_000, 'hai triệu ba trăm mười tám nghìn'],
    [1_000_000_000, 'một tỷ'],
    [1_200_000_000, 'một tỷ hai trăm triệu'],
    [2_000_000_001, 'hai tỷ không trăm linh một'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [31_000_000_000_000, 'ba mươi mốt nghìn tỷ'],
  ];
  for (const [n, words] of cases) assert.equal(readVietnameseNumber(n), words, String(n));
});

test('"lẻ" may replace "linh"', () => {
  assert.equal(readVietnameseNumber(205, { zeroTens: 'lẻ' }), 'hai trăm lẻ năm');
});

test('amount in words is capitalised and ends with "đồng"', () => {
  assert.equal(amountInWords(50_000), 'Năm mươi nghìn đồng');
  assert.equal(amountInWords(100_000), 'Một trăm nghìn đồng');
  assert.equal(amountInWords(0), 'Không đồng');
});

test('rejects negative and fractional amounts', () => {
  assert.throws(() => amountInWords(-1), RangeError);
  assert.throws(() => amountInWords(1.5), RangeError);
});
