import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldVietnamese, formatDong, formatPercent } from './text';

test('folding drops diacritics, đ and case so searches match how people type', () => {
  assert.equal(foldVietnamese('Đăng ký thành lập Hộ kinh doanh'), 'dang ky thanh lap ho kinh doanh');
  assert.equal(foldVietnamese('Thông báo hoạt động KHUYẾN MẠI'), 'thong bao hoat dong khuyen mai');
  assert.equal(foldVietnamese('  Quảng   Ngãi '), 'quang ngai');
});

test('percentages and money are written the Vietnamese way', () => {
  assert.equal(formatPercent(784 / 801), '97,88%');
  assert.equal(formatDong(2318000), '2.318.000 đ');
});

test('formatPercent rounds exact halves up like the reports do', () => {
  assert.equal(formatPercent(23 / 160), '14,38%');
  assert.equal(formatPercent(29 / 800), '3,63%');
});
