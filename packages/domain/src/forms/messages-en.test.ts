import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_DEFINITIONS } from '../procedure-definition/built-in';
import { compileDefinition } from '../procedure-definition/compile';
import { englishVocabularyOf } from '../procedure-definition/messages-en';
import { buildCalendar } from '../working-days';
import { englishMessage, localizeFieldErrors, messageLocaleOf } from './messages-en';

const vocabulary = englishVocabularyOf(BUILT_IN_DEFINITIONS);
const deps = { today: '2026-03-06', calendar: buildCalendar({ years: [2026] }) };
/** Vietnamese letters outside quoted Vietnamese words ("Hộ kinh doanh") and the currency (đồng). */
const VIETNAMESE = /[ăâđêôơưạảãáàấầẩẫậắằẳẵặẹẻẽéèếềểễệịỉĩíìọỏõóòốồổỗộớờởỡợụủũúùứừửữựỵỷỹýỳ]/i;
const vietnameseIn = (text: string) => VIETNAMESE.test(text.replace(/"[^"]*"|đồng/g, ''));

function errorsOf(code: string, data: unknown) {
  const compiled = compileDefinition(BUILT_IN_DEFINITIONS.find((d) => d.code === code)!);
  const result = compiled.validate(data, deps);
  assert.equal(result.ok, false);
  return result.ok ? [] : result.errors;
}

test('a missing business name is asked for in English, naming the field in English', () => {
  const errors = localizeFieldErrors(errorsOf('1.001612', { businessName: '' }), 'en', vocabulary);
  assert.equal(errors.find((e) => e.field === 'businessName')?.message, 'Please enter the business name');
  assert.equal(errors.find((e) => e.field === 'owner')?.message, 'Please enter the owner');
});

test('in Vietnamese (the default) the messages are left as built', () => {
  const built = errorsOf('1.001612', {});
  assert.deepEqual(localizeFieldErrors(built, 'vi', vocabulary), built);
  assert.ok(built.some((e) => e.message === 'Vui lòng nhập tên hộ kinh doanh'));
});

test('an empty form of every built-in procedure, and wrong values, read wholly in English', () => {
  const wrong = { businessName: 'Công ty ABC', capital: -5, employees: 1.5, email: 'x', taxCode: '123', startDate: '2026-02-30' };
  for (const d of BUILT_IN_DEFINITIONS) {
    for (const data of [{}, wrong]) {
      const result = compileDefinition(d).validate(data, deps);
      if (result.ok) continue;
      for (const e of localizeFieldErrors(result.errors, 'en', vocabulary)) {
        assert.ok(!vietnameseIn(e.message), `${d.code} ${e.field}: ${e.message}`);
      }
    }
  }
});

test("a definition's own rule and the identity checks are said in English", () => {
  assert.equal(
    englishMessage('Ngày sinh của trẻ phải sau ngày sinh của mẹ', vocabulary),
    "The child's date of birth must be after the mother's",
  );
  assert.equal(
    englishMessage('Ngày bắt đầu sớm nhất là 11/03/2026 (thông báo phải gửi trước ít nhất 3 ngày làm việc)', vocabulary),
    'The start date can be 11/03/2026 at the earliest (the notice must arrive 3 working days before)',
  );
  assert.equal(
    englishMessage('Giới tính không khớp với số định danh cá nhân (chữ số thứ 4 cho biết giới tính nam)'),
    'The sex does not match the citizen ID number (its 4th digit says male)',
  );
  assert.equal(englishMessage('Vui lòng nhập số điện thoại di động'), 'Please enter your mobile phone number');
});

test('a message about a field with no English name stays Vietnamese, never half translated', () => {
  assert.equal(englishMessage('Vui lòng nhập tên thôn xóm cũ', vocabulary), undefined);
  assert.deepEqual(localizeFieldErrors([{ field: 'x', message: 'Vui lòng nhập tên thôn xóm cũ' }], 'en', vocabulary), [
    { field: 'x', message: 'Vui lòng nhập tên thôn xóm cũ' },
  ]);
});

test('English is chosen by the first language the request accepts', () => {
  assert.equal(messageLocaleOf('en'), 'en');
  assert.equal(messageLocaleOf('en-GB,en;q=0.9,vi;q=0.5'), 'en');
  assert.equal(messageLocaleOf('vi-VN,vi;q=0.9,en;q=0.5'), 'vi');
  assert.equal(messageLocaleOf(undefined), 'vi');
});
