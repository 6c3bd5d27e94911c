import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDong, groupThousands, parseGrouped } from './format';

test('capital is typed with thousands separators and read back as integer đồng', () => {
  assert.equal(groupThousands('50000000'), '50.000.000');
  assert.equal(groupThousands('0050a0'), '500');
  assert.equal(parseGrouped('50.000.000'), 50_000_000);
  assert.equal(parseGrouped(''), undefined);
  assert.equal(formatDong(50_000).replace(/\s/g, ' '), '50.000 đ');
});
