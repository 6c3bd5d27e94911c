import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CitizenIdNumber, checkCitizenIdConsistency, Password, PhoneNumber, parseCitizenId } from './identity-numbers';

test('mobile numbers are accepted in the ways people type them and normalised to 0…', () => {
  const cases: [string, string][] = [
    ['0905000001', '0905000001'],
    ['+84905000001', '0905000001'],
    ['0355 123 456', '0355123456'],
    ['077.123.4567', '0771234567'],
    ['+84 86-123-4567', '0861234567'],
    [' 0981234567 ', '0981234567'],
  ];
  for (const [input, expected] of cases) {
    const r = PhoneNumber.safeParse(input);
    assert.ok(r.success, `${input} should be accepted`);
    assert.equal(r.data, expected, input);
  }
});

test('landlines, wrong lengths and wrong prefixes are refused with a Vietnamese message', () => {
  for (const input of ['02553822222', '090500000', '09050000011', '0105000001', '+8490500000', '84905000001', 'abc']) {
    const r = PhoneNumber.safeParse(input);
    assert.equal(r.success, false, `${input} should be refused`);
    assert.match(r.error?.issues[0]?.message ?? '', /Số điện thoại di động không hợp lệ/);
  }
});

test('an empty phone is asked for, not called invalid', () => {
  for (const input of ['', '   ']) {
    const r = PhoneNumber.safeParse(input);
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error?.issues.map((i) => i.message),
      ['Vui lòng nhập số điện thoại di động'],
    );
  }
});

test('a citizen identity number reveals birth province, century, sex and birth year', () => {
  const cases: [string, { provinceCode: string; sex: string; birthYear: number }][] = [
    ['051090001234', { provinceCode: '051', sex: 'male', birthYear: 1990 }],
    ['051185001234', { provinceCode: '051', sex: 'female', birthYear: 1985 }],
    ['062205001234', { provinceCode: '062', sex: 'male', birthYear: 2005 }],
    ['001310001234', { provinceCode: '001', sex: 'female', birthYear: 2010 }],
    ['079400001234', { provinceCode: '079', sex: 'male', birthYear: 2100 }],
  ];
  for (const [id, expected] of cases) {
    const parts = parseCitizenId(id);
    assert.ok(parts, id);
    assert.deepEqual({ provinceCode: parts.provinceCode, sex: parts.sex, birthYear: parts.birthYear }, expected, id);
  }
});

test('identity numbers: 12 digits with a real birth-province code', () => {
  const cases: [string, boolean, RegExp?][] = [
    ['051090001234', true],
    ['051 090 001 234', true],
    ['05109000123', false, /đúng 12 chữ số/],
    ['0510900012345', false, /đúng 12 chữ số/],
    ['05109000123a', false, /đúng 12 chữ số/],
    ['003090001234', false, /mã tỉnh/],
    ['097090001234', false, /mã tỉnh/],
  ];
  for (const [input, ok, message] of cases) {
    const r = CitizenIdNumber.safeParse(input);
    assert.equal(r.success, ok, input);
    if (message) assert.match(r.error?.issues[0]?.message ?? '', message, input);
  }
});

test('identity number versus declared birth date and sex: field-level errors', () => {
  const cases: [string, { birthDate: string; sex: 'male' | 'female' }, string[]][] = [
    ['051090001234', { birthDate: '1990-05-12', sex: 'male' }, []],
    ['051185001234', { birthDate: '1985-01-01', sex: 'female' }, []],
    ['051205001234', { birthDate: '2005-12-31', sex: 'male' }, []],
    ['051090001234', { birthDate: '1991-05-12', sex: 'male' }, ['birthDate']],
    ['051090001234', { birthDate: '1990-05-12', sex: 'female' }, ['sex']],
    // Right two year digits, wrong century.
    ['051290001234', { birthDate: '1990-05-12', sex: 'male' }, ['birthDate']],
    ['051090001234', { birthDate: '12/05/1990', sex: 'female' }, ['birthDate', 'sex']],
    ['12345', { birthDate: '1990-05-12', sex: 'male' }, ['citizenId']],
  ];
  for (const [id, person, fields] of cases) {
    const errors = checkCitizenIdConsistency(id, person);
    assert.deepEqual(
      errors.map((e) => e.field),
      fields,
      `${id} ${person.birthDate} ${person.sex}`,
    );
    for (const e of errors) assert.match(e.message, /[ăâđêôơưạảãáàễệếềểịọỏốồổỗộớờởỡợụủứừửữựỳýỷỹỵ]/i);
  }
  const [yearError] = checkCitizenIdConsistency('051090001234', { birthDate: '1991-05-12', sex: 'male' });
  assert.match(yearError?.message ?? '', /1991.*1990/);
});

test('passwords: at least 8 characters, letters and digits', () => {
  const cases: [string, boolean, RegExp?][] = [
    ['DemoDvc@2026', true],
    ['matkhau1', true],
    ['Mậtkhẩu9', true],
    ['abc123', false, /ít nhất 8 ký tự/],
    ['abcdefgh', false, /chữ cái và chữ số/],
    ['12345678', false, /chữ cái và chữ số/],
    ['a1'.repeat(65), false, /128/],
  ];
  for (const [input, ok, message] of cases) {
    const r = Password.safeParse(input);
    assert.equal(r.success, ok, input);
    if (message) assert.match(r.error?.issues[0]?.message ?? '', message, input);
  }
});
