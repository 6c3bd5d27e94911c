import assert from 'node:assert/strict';
import { test } from 'node:test';
import { businessNameKey, checkBusinessName, splitBusinessName } from './business-name';

test('names that follow Decree 168/2025 art. 86 have no problem', () => {
  const valid = [
    'Hộ kinh doanh Minh Phát',
    'HỘ KINH DOANH CAFÉ 123',
    'hộ kinh doanh Zone & Jam',
    'Hộ kinh doanh Wifi-F88',
    'Hộ kinh doanh Thuỷ Hoà',
    'Hộ   kinh doanh   Bánh mì Cô Ba (Lý Sơn)',
    'Hộ kinh doanh 79',
    'Hộ kinh doanh Ngọc Dũng Gas', // "Dũng" contains "dung", not an enterprise word
  ];
  for (const name of valid) assert.deepEqual(checkBusinessName(name), [], name);
});

test('each broken rule gives a Vietnamese problem', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /Vui lòng nhập tên hộ kinh doanh/],
    ['   ', /Vui lòng nhập tên hộ kinh doanh/],
    ['Minh Phát', /phải bắt đầu bằng cụm từ "Hộ kinh doanh"/],
    ['Cửa hàng Hộ kinh doanh Minh Phát', /phải bắt đầu bằng cụm từ "Hộ kinh doanh"/],
    ['Ho kinh doanh Minh Phat', /Viết đúng cụm từ "Hộ kinh doanh" \(có dấu\)/],
    ['Hộ kinh doanhMinh Phát', /phải bắt đầu bằng cụm từ/],
    ['Hộ kinh doanh', /Thiếu tên riêng/],
    ['Hộ kinh doanh Công ty Minh Phát', /cụm từ "công ty"/],
    ['Hộ kinh doanh cong ty Minh Phat', /cụm từ "công ty"/],
    ['Hộ kinh doanh Doanh nghiệp Hòa Bình', /cụm từ "doanh nghiệp"/],
    ['Hộ kinh doanh Tập đoàn Sông Trà', /cụm từ "tập đoàn"/],
    ['Hộ kinh doanh Ñandú', /ký tự không được dùng: "Ñ"/],
    ['Hộ kinh doanh 北京', /ký tự không được dùng: "北", "京"/],
    ['Hộ kinh doanh Vui 😀', /ký tự không được dùng/],
    ['Hộ kinh doanh Straße', /"ß"/],
    ['Hộ kinh doanh !!!', /ít nhất một chữ cái hoặc chữ số/],
    ['Hộ kinh doanh Đéo Sợ', /thuần phong mỹ tục/],
  ];
  for (const [name, expected] of cases) {
    const problems = checkBusinessName(name);
    assert.ok(
      problems.some((p) => expected.test(p)),
      `${name}: ${JSON.stringify(problems)}`,
    );
  }
});

test('"tổng công ty" is reported once, not also as "công ty"', () => {
  assert.deepEqual(checkBusinessName('Hộ kinh doanh Tổng công ty Sông Trà'), [
    'Không được dùng cụm từ "tổng công ty" trong tên hộ kinh doanh',
  ]);
});

test('the prefix is recognised in any case and split from the proper name', () => {
  assert.deepEqual(splitBusinessName('HỘ KINH DOANH  Minh  Phát '), { hasPrefix: true, properName: 'Minh Phát' });
  assert.deepEqual(splitBusinessName('Minh Phát'), { hasPrefix: false, properName: undefined });
});

test('uniqueness key: case, spaces, Unicode form and tone placement do not matter; diacritics do', () => {
  const same: Array<[string, string]> = [
    ['Hộ kinh doanh Hòa Bình', 'HỘ KINH DOANH   HOÀ BÌNH'],
    ['Hộ kinh doanh Thủy Tiên', 'hộ kinh doanh thuỷ tiên'],
    ['Hộ kinh doanh Minh Phát'.normalize('NFD'), 'Hộ kinh doanh Minh Phát'],
    ['Hộ kinh doanh Hoè Nhai', 'Hộ kinh doanh Hòe Nhai'],
  ];
  for (const [a, b] of same) assert.equal(businessNameKey(a), businessNameKey(b), `${a} / ${b}`);
  const different: Array<[string, string]> = [
    ['Hộ kinh doanh Hòa Bình', 'Hộ kinh doanh Hoa Bình'],
    ['Hộ kinh doanh Minh Phát', 'Hộ kinh doanh Minh Phat'],
    ['Hộ kinh doanh Minh Phát 1', 'Hộ kinh doanh Minh Phát 2'],
  ];
  for (const [a, b] of different) assert.notEqual(businessNameKey(a), businessNameKey(b), `${a} / ${b}`);
  // Closed syllables keep their mark where both spellings put it.
  assert.equal(businessNameKey('Hộ kinh doanh Hoàn Mỹ'), 'hoàn mỹ');
  assert.equal(businessNameKey('Hộ kinh doanh Hòa Bình'), 'hoà bình');
});
