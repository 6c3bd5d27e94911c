import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar } from '../working-days';
import { validateForm } from './index';
import { earliestPromotionStart, PROMOTION_FORMS, promotionNoticeSchema, promotionPrizeTotal } from './promotion-notice';

const PROMOTION = 'QNG-TB-KHUYEN-MAI';
const calendar = buildCalendar({ years: [2026] });
// Friday 6 March 2026: Mon 9, Tue 10, Wed 11 are the three working days of notice.
const deps = { today: '2026-03-06', calendar };

function notice(): Record<string, unknown> {
  return {
    taxCode: '0300588569',
    enterpriseName: 'Công ty Cổ phần Sữa Việt Nam',
    programmeName: 'Mừng xuân 2026',
    promotionForm: 'phieu-du-thi',
    goods: 'Sữa tươi tiệt trùng hộp 180 ml',
    prizes: [
      { description: 'Xe máy', quantity: 2, unitValue: 30_000_000 },
      { description: 'Thùng sữa', quantity: 100, unitValue: 300_000 },
    ],
    area: 'Tỉnh Quảng Ngãi',
    startDate: '2026-03-11',
    endDate: '2026-04-30',
  };
}

test('the earliest start is 3 working days after filing, by the calendar', () => {
  const cases: Array<[string, string, string]> = [
    ['Friday: the weekend does not count', '2026-03-06', '2026-03-11'],
    ['Monday', '2026-03-09', '2026-03-12'],
    ['Saturday: counting starts on Monday', '2026-03-07', '2026-03-11'],
  ];
  for (const [label, today, earliest] of cases) assert.equal(earliestPromotionStart(today, calendar), earliest, label);
  const withDayOff = buildCalendar({ years: [2026], overrides: [{ date: '2026-03-10', kind: 'day_off', name: 'Nghỉ' }] });
  assert.equal(earliestPromotionStart('2026-03-06', withDayOff), '2026-03-12');
});

test('a complete notice is valid; the tax code is normalised', () => {
  const r = validateForm(PROMOTION, { ...notice(), taxCode: '0300 588 569' }, deps);
  assert.equal(r.ok, true, JSON.stringify(!r.ok && r.errors));
  assert.equal(promotionNoticeSchema(deps).parse(notice()).taxCode, '0300588569');
  assert.equal(promotionPrizeTotal(notice().prizes as never), 90_000_000);
});

test('a start too early gives the earliest allowed date, dd/mm/yyyy', () => {
  for (const start of ['2026-03-10', '2026-03-06', '2026-01-01']) {
    const r = validateForm(PROMOTION, { ...notice(), startDate: start }, deps);
    assert.equal(r.ok, false, start);
    const error = !r.ok ? r.errors.find((e) => e.field === 'startDate') : undefined;
    assert.match(error?.message ?? '', /^Ngày bắt đầu sớm nhất là 11\/03\/2026 /, start);
  }
});

test('each broken rule gives a Vietnamese error beside its field', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['end before start', { endDate: '2026-03-10', startDate: '2026-03-12' }, 'endDate', /không được trước ngày bắt đầu/],
    ['bad check digit', { taxCode: '0300588568' }, 'taxCode', /chữ số kiểm tra/],
    ['form outside the list', { promotionForm: 'xo-so' }, 'promotionForm', /hình thức khuyến mại/],
    ['lottery', { promotionForm: 'may-rui' }, 'promotionForm', /phải làm thủ tục đăng ký/],
    ['other form', { promotionForm: 'khac' }, 'promotionForm', /Bộ Công Thương chấp thuận/],
    ['contest without prizes', { prizes: [] }, 'prizes', /kê khai giải thưởng/],
    ['prize of 0 đồng', { prizes: [{ description: 'Quà', quantity: 1, unitValue: 0 }] }, 'prizes.0.unitValue', /lớn hơn 0/],
    ['no goods', { goods: '' }, 'goods', /Vui lòng nhập hàng hóa/],
    ['no area', { area: undefined }, 'area', /Vui lòng nhập địa bàn/],
    ['impossible date', { endDate: '2026-02-30' }, 'endDate', /Ngày kết thúc không hợp lệ/],
  ];
  for (const [label, patch, field, expected] of cases) {
    const r = validateForm(PROMOTION, { ...notice(), ...patch }, deps);
    const hit = r.ok ? undefined : r.errors.find((e) => e.field === field);
    assert.ok(hit, `${label}: ${JSON.stringify(!r.ok && r.errors)}`);
    assert.match(hit.message, expected, label);
  }
});

test('a discount needs no prize list; the legal list has the nine clauses of art. 92', () => {
  assert.equal(validateForm(PROMOTION, { ...notice(), promotionForm: 'giam-gia', prizes: [] }, deps).ok, true);
  assert.deepEqual(
    PROMOTION_FORMS.map((f) => f.lawClause),
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.deepEqual(
    PROMOTION_FORMS.filter((f) => f.procedure !== 'notice').map((f) => f.id),
    ['may-rui', 'khac'],
  );
});
