import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findVsic, isPlausibleVsicCode, searchVsic, VSIC_ENTRIES, vsicPath } from './vsic';

test('the data has the complete levels 1–3 and the partial levels 4–5 the README states', () => {
  const count = (level: number) => VSIC_ENTRIES.filter((e) => e.level === level).length;
  assert.equal(count(1), 21);
  assert.equal(count(2), 88);
  assert.equal(count(3), 242);
  assert.equal(count(4), 437);
  assert.equal(count(5), 640);
  // Every entry below a section hangs under an existing parent one level up.
  for (const e of VSIC_ENTRIES.filter((x) => x.level > 1)) assert.equal(findVsic(e.parent ?? '')?.level, e.level - 1, e.code);
});

test('findVsic and the path from the section down', () => {
  assert.equal(findVsic('0111')?.name, 'Trồng lúa');
  assert.equal(findVsic('0000'), undefined);
  assert.deepEqual(
    vsicPath('0111').map((e) => e.code),
    ['A', '01', '011', '0111'],
  );
});

test('search ignores diacritics and case, and can keep to level 4', () => {
  const codes = (q: string) => searchVsic(q, { level: 4 }).map((e) => e.code);
  assert.ok(codes('trong lua').includes('0111'));
  assert.ok(codes('TRỒNG LÚA').includes('0111'));
  assert.ok(codes('cat toc').includes('9631'));
  assert.ok(codes('ban le thuc pham').includes('4722'));
  assert.deepEqual(codes('xyzxyz'), []);
  assert.deepEqual(codes(''), []);
  assert.ok(searchVsic('trong lua', { level: 4 }).every((e) => e.level === 4));
  // By code prefix.
  assert.deepEqual(codes('471'), ['4711', '4719']);
  assert.equal(searchVsic('01', { level: 4, limit: 3 }).length, 3);
  // A name that starts with the query comes before one that merely contains it.
  assert.equal(searchVsic('trong lua', { level: 4 })[0]?.code, '0111');
});

test('a 4-digit code missing from the partial list is accepted for review when its group exists', () => {
  const present = isPlausibleVsicCode('5610');
  assert.equal(present.plausible && !present.needsReview && present.entry.code, '5610');
  const missing = isPlausibleVsicCode('0139');
  assert.equal(missing.plausible && missing.needsReview && missing.group.code, '013');
  const cases: Array<[string, RegExp]> = [
    ['9999', /không thuộc nhóm ngành nào/],
    ['561', /đúng 4 chữ số/],
    ['56100', /đúng 4 chữ số/],
    ['A011', /đúng 4 chữ số/],
  ];
  for (const [code, expected] of cases) {
    const check = isPlausibleVsicCode(code);
    assert.equal(check.plausible, false, code);
    if (!check.plausible) assert.match(check.message, expected);
  }
});

test('everyday words find the businesses they mean first: "quan an", "tap hoa", "ca phe", "sửa xe"', () => {
  const first = (q: string) => searchVsic(q, { level: 4 })[0]?.code;
  assert.equal(first('quan an'), '5610');
  assert.equal(first('Quán ăn'), '5610');
  assert.equal(first('tap hoa'), '4711');
  assert.equal(first('ca phe'), '5630');
  assert.equal(first('quán cà phê'), '5630');
  assert.equal(first('sửa xe máy'), '4542');
  assert.equal(first('cắt tóc'), '9631');
  assert.ok(searchVsic('trong cay ca phe', { level: 4 }).some((e) => e.code === '0126'));
});
