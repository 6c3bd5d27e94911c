import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar } from '../working-days';
import { compileDefinition } from './compile';
import { ProcedureDefinition } from './definition';
import { householdBusinessRegistrationDefinition } from './pilot/index';
import { sampleDefinition } from './test-fixtures';

const calendar = buildCalendar({ years: [2026] });

function noticeForm(message?: string) {
  const input = sampleDefinition([{ key: 'eventDate', type: 'date', label: { vi: 'Ngày tổ chức' } }]);
  input.notice = { workingDaysBefore: 2, eventField: 'eventDate', ...(message ? { message } : {}) };
  return compileDefinition(ProcedureDefinition.parse(input));
}

test('a notice rule bounds its date field by working days after the filing day', () => {
  const form = noticeForm();
  assert.equal(form.usesFilingDate, true);
  // Friday 6 March 2026 + 2 working days = Tuesday 10 March.
  const deps = { today: '2026-03-06', calendar };
  assert.equal(form.validate({ eventDate: '2026-03-10' }, deps).ok, true);
  assert.deepEqual(form.validate({ eventDate: '2026-03-09' }, deps), {
    ok: false,
    errors: [
      { field: 'eventDate', message: 'Ngày tổ chức sớm nhất là 10/03/2026 (hồ sơ phải nộp trước ít nhất 2 ngày làm việc)' },
    ],
  });
  const withDayOff = buildCalendar({ years: [2026], overrides: [{ date: '2026-03-09', kind: 'day_off', name: 'Nghỉ' }] });
  assert.equal(form.validate({ eventDate: '2026-03-10' }, { today: '2026-03-06', calendar: withDayOff }).ok, false);
  // The definition's own wording, with its placeholders filled in.
  const worded = noticeForm('Phải tổ chức từ {date} trở đi ({days} ngày làm việc)');
  const r = worded.validate({ eventDate: '2026-03-06' }, deps);
  assert.equal(r.ok ? '' : r.errors[0]?.message, 'Phải tổ chức từ 10/03/2026 trở đi (2 ngày làm việc)');
  // One schema per day and calendar; the filing day is required.
  assert.equal(form.schema(deps), form.schema({ ...deps }));
  assert.notEqual(form.schema(deps), form.schema({ today: '2026-03-09', calendar }));
  assert.throws(() => form.validate({ eventDate: '2026-03-10' }), /needs the filing day/);
});

test('a new draft, the steps and the officer summary come from the definition', () => {
  const form = compileDefinition(ProcedureDefinition.parse(householdBusinessRegistrationDefinition));
  const draft = form.defaultValue();
  assert.deepEqual(Object.keys(draft), [
    'businessName',
    'location',
    'businessLines',
    'capital',
    'employees',
    'owner',
    'members',
    'delivery',
    'postalAddress',
  ]);
  assert.deepEqual(draft.location, { unitCode: '', street: '' });
  assert.equal((draft.owner as Record<string, unknown>).nationality, 'Việt Nam');
  assert.deepEqual(
    form.steps.map((s) => s.id),
    ['ten', 'dia-diem', 'nganh-nghe', 'von', 'chu-ho', 'thanh-vien', 'nhan-ket-qua'],
  );
  const lines = form.summary({
    businessName: 'Hộ kinh doanh Cô Ba',
    capital: 50_000_000,
    delivery: 'post',
    businessLines: [{ code: '5610', name: 'Nhà hàng', isMain: true }],
  });
  const text = Object.fromEntries(lines.map((l) => [l.label, l.text]));
  assert.equal(text['Tên hộ kinh doanh'], 'Hộ kinh doanh Cô Ba');
  assert.equal(text['Vốn kinh doanh'], '50.000.000 đồng');
  assert.equal(text['Cách nhận kết quả'], 'Qua dịch vụ bưu chính');
  assert.equal(text['Ngành, nghề kinh doanh'], '5610 Nhà hàng (ngành chính)');
  assert.equal(text['Số lao động'], '—');
  assert.deepEqual(form.validateStep('khong-co', {}), [{ field: '', message: 'Bước khai báo không tồn tại' }]);
});

test('the ID number’s 4th digit is checked against the declared sex: 051090001234 (a man born 1990) with "Nữ" is refused', () => {
  const form = compileDefinition(ProcedureDefinition.parse(householdBusinessRegistrationDefinition));
  const values = {
    businessName: 'Hộ kinh doanh Giới Tính',
    location: { unitCode: '21025', street: '12 Lê Lợi' },
    businessLines: [{ code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', isMain: true }],
    capital: 50_000_000,
    employees: 2,
    owner: {
      fullName: 'Nguyễn Thị Ba',
      birthDate: '1990-05-12',
      sex: 'female',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      citizenId: '051090001234',
      residence: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
      phone: '0905123456',
    },
    members: [],
    delivery: 'electronic',
  };
  const deps = { today: '2026-11-30', calendar };
  const refused = form.validate(values, deps);
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok && refused.errors.some((e) => /giới tính/i.test(e.message)), JSON.stringify(refused));
  assert.equal(form.validate({ ...values, owner: { ...values.owner, citizenId: '051190123456' } }, deps).ok, true);
});

test('a missing value is asked for by the name of its field, not as "thông tin này"', () => {
  const form = compileDefinition(ProcedureDefinition.parse(householdBusinessRegistrationDefinition));
  const r = form.validate({ businessName: 'Hộ kinh doanh Tên Đủ' }, { today: '2026-03-06', calendar });
  assert.equal(r.ok, false);
  const messages = r.ok ? [] : r.errors.map((e) => e.message);
  assert.ok(messages.length > 0);
  assert.equal(messages.filter((m) => m === 'Vui lòng nhập thông tin này').length, 0, messages.join('\n'));
  const owner = r.ok ? undefined : r.errors.find((e) => e.field === 'owner');
  assert.match(owner?.message ?? '', /^Vui lòng nhập .*chủ hộ/i, JSON.stringify(owner));
});
