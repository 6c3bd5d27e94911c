import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar } from '../working-days';
import { businessLinesNeedingReview } from './household-business-registration';
import { validateForm } from './index';

const deps = { today: '2026-03-06', calendar: buildCalendar({ years: [2026] }) };
const REGISTRATION = '1.001612';
const CHANGE = '2.000720';
const TERMINATION = '1.001266';

/** A complete, valid registration; each case below breaks one thing. */
function registration(): Record<string, unknown> {
  return {
    businessName: 'Hộ kinh doanh Bánh xèo Cô Ba',
    location: { unitCode: '21025', street: '12 Lê Lợi, tổ dân phố 3' },
    businessLines: [
      { code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động', isMain: true },
      { code: '4722', name: 'Bán lẻ thực phẩm trong các cửa hàng chuyên doanh', isMain: false },
    ],
    capital: 50_000_000,
    employees: 2,
    owner: {
      fullName: 'Nguyễn Thị Ba',
      birthDate: '1990-05-12',
      sex: 'female',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      citizenId: '051190123456',
      residence: 'Phường Cẩm Thành, tỉnh Quảng Ngãi',
      phone: '0905 123 456',
      email: '',
    },
    members: [{ fullName: 'Trần Văn Tư', birthDate: '1988-01-02', citizenId: '051088654321', contribution: 10_000_000 }],
    delivery: 'electronic',
  };
}

function errorsOf(code: string, data: unknown) {
  const r = validateForm(code, data, deps);
  return r.ok ? [] : r.errors;
}

test('a complete registration is valid and normalised', () => {
  const r = validateForm(REGISTRATION, registration(), deps);
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors));
  const value = (r.ok ? r.value : {}) as { owner: { phone: string; email?: string } };
  assert.equal(value.owner.phone, '0905123456');
  assert.equal(value.owner.email, undefined);
});

test('each broken rule gives a Vietnamese error beside its field', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the cases bend a draft into wrong shapes on purpose
  const cases: Array<[string, (f: any) => void, string, RegExp]> = [
    ['name without the prefix', (f) => (f.businessName = 'Bánh xèo Cô Ba'), 'businessName', /cụm từ "Hộ kinh doanh"/],
    ['name with "công ty"', (f) => (f.businessName = 'Hộ kinh doanh Công ty Ba'), 'businessName', /"công ty"/],
    ['unit not picked', (f) => (f.location.unitCode = ''), 'location.unitCode', /xã, phường/],
    ['street empty', (f) => (f.location.street = '  '), 'location.street', /Vui lòng nhập số nhà/],
    ['no main line', (f) => (f.businessLines[0].isMain = false), 'businessLines', /Chọn một ngành, nghề kinh doanh chính/],
    ['two main lines', (f) => (f.businessLines[1].isMain = true), 'businessLines', /Chỉ được chọn một ngành/],
    ['no line at all', (f) => (f.businessLines = []), 'businessLines', /ít nhất một ngành/],
    ['a line twice', (f) => (f.businessLines[1].code = '5610'), 'businessLines.1.code', /đã được chọn/],
    ['a 5-digit code', (f) => (f.businessLines[1].code = '56101'), 'businessLines.1.code', /đúng 4 chữ số/],
    ['capital zero', (f) => (f.capital = 0), 'capital', /lớn hơn 0 đồng/],
    ['capital with decimals', (f) => (f.capital = 1.5), 'capital', /số nguyên đồng/],
    ['negative employees', (f) => (f.employees = -1), 'employees', /không được âm/],
    ['ID year contradicts birth date', (f) => (f.owner.birthDate = '1991-05-12'), 'owner.citizenId', /năm sinh/i],
    // 4th digit 1 = female born in the 1900s; 3 = female born in the 2000s.
    ['ID century contradicts birth date', (f) => (f.owner.citizenId = '051390123456'), 'owner.citizenId', /năm sinh 2090/],
    ['ID sex contradicts sex', (f) => (f.owner.sex = 'male'), 'owner.citizenId', /Giới tính không khớp/],
    ['ID of 9 digits', (f) => (f.owner.citizenId = '051190123'), 'owner.citizenId', /đúng 12 chữ số/],
    ['foreign owner', (f) => (f.owner.nationality = 'Hàn Quốc'), 'owner.nationality', /công dân Việt Nam/],
    ['bad phone', (f) => (f.owner.phone = '0123'), 'owner.phone', /Số điện thoại di động không hợp lệ/],
    ['bad email', (f) => (f.owner.email = 'ba@'), 'owner.email', /thư điện tử không hợp lệ/],
    ['member ID year', (f) => (f.members[0].birthDate = '1989-01-02'), 'members.0.citizenId', /năm sinh 1989/],
    [
      'member is the owner',
      (f) => Object.assign(f.members[0], { citizenId: '051190123456', birthDate: '1990-05-12' }),
      'members.0.citizenId',
      /bị trùng/,
    ],
    ['contributions above capital', (f) => (f.members[0].contribution = 60_000_000), 'members', /vượt quá vốn kinh doanh/],
    ['post without address', (f) => (f.delivery = 'post'), 'postalAddress', /địa chỉ nhận kết quả/],
    ['unknown delivery', (f) => (f.delivery = 'fax'), 'delivery', /cách nhận kết quả/],
    ['missing owner', (f) => delete f.owner, 'owner', /Vui lòng nhập thông tin này/],
  ];
  for (const [label, breakIt, field, expected] of cases) {
    const form = registration();
    breakIt(form);
    const errors = errorsOf(REGISTRATION, form);
    const hit = errors.find((e) => e.field === field);
    assert.ok(hit, `${label}: no error on ${field}: ${JSON.stringify(errors)}`);
    assert.match(hit.message, expected, label);
  }
});

test('a post address makes post delivery valid; no members is fine', () => {
  const form = registration();
  form.delivery = 'post';
  form.postalAddress = '12 Lê Lợi, Cẩm Thành, Quảng Ngãi';
  delete form.members;
  assert.equal(validateForm(REGISTRATION, form, deps).ok, true);
});

test('a line missing from the partial VSIC list is accepted and flagged for the officer', () => {
  const form = registration();
  (form.businessLines as Array<{ code: string }>)[1]!.code = '0139';
  assert.equal(validateForm(REGISTRATION, form, deps).ok, true);
  assert.deepEqual(businessLinesNeedingReview(form.businessLines as Array<{ code: string }>), ['0139']);
});

test('change of registration: only what changes, at least one part', () => {
  const base = { registrationNumber: '34H8001234', ownerCitizenId: '051190123456' };
  assert.equal(validateForm(CHANGE, { ...base, changes: { capital: 80_000_000 } }, deps).ok, true);
  assert.equal(validateForm(CHANGE, { ...base, changes: { businessName: 'Hộ kinh doanh Cô Ba 2' } }, deps).ok, true);
  const empty = errorsOf(CHANGE, { ...base, changes: {} });
  assert.deepEqual(empty, [{ field: 'changes', message: 'Chọn ít nhất một nội dung cần thay đổi' }]);
  // A changed part is checked like at registration.
  const badLines = errorsOf(CHANGE, { ...base, changes: { businessLines: [{ code: '5610', name: 'Ăn uống', isMain: false }] } });
  assert.equal(badLines[0]?.field, 'changes.businessLines');
  const badId = errorsOf(CHANGE, { registrationNumber: '34H8001234', ownerCitizenId: '1234', changes: { employees: 3 } });
  assert.equal(badId[0]?.field, 'ownerCitizenId');
});

test('termination: registration, reason, date, original certificate', () => {
  const form = {
    registrationNumber: '34H8001234',
    ownerCitizenId: '051190123456',
    reason: 'Nghỉ kinh doanh',
    terminationDate: '2026-03-31',
    hasOriginalCertificate: true,
  };
  assert.equal(validateForm(TERMINATION, form, deps).ok, true);
  const errors = errorsOf(TERMINATION, { ...form, reason: '', terminationDate: '2026-02-30', hasOriginalCertificate: undefined });
  assert.deepEqual(
    errors.map((e) => e.field),
    ['reason', 'terminationDate', 'hasOriginalCertificate'],
  );
  assert.match(errors[1]!.message, /Ngày chấm dứt hoạt động không hợp lệ/);
});
