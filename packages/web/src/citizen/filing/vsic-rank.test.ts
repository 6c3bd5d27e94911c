import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchVsic } from '@dvc/domain/vsic';
import { rankByWholeWords } from './VsicPicker';

test('the picker keeps the lines everyday words name on top ("tạp hóa" is a grocery, not "tập trung")', () => {
  const top = (q: string) => rankByWholeWords(q, searchVsic(q, { level: 4, limit: 60 }))[0]?.code;
  assert.equal(top('tap hoa'), '4711');
  assert.equal(top('quán ăn'), '5610');
  assert.equal(top('ca phe'), '5630');
  assert.equal(top('ban le tap hoa'), '4711');
});
