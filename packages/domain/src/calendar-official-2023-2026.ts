import type { CalendarOverride } from './working-days';

/**
 * The government's decisions on days off for civil servants, 2023–2026, as overrides of the computed
 * proposal (holidays.ts). Each weekday off in an official block is listed even when the proposal
 * already has it, so the data stays right if the proposal rule changes; a `working_day` entry
 * cancels a proposed day that the decision placed elsewhere, or is a Saturday made up for a swap.
 * `source` names where the decision was read; `verify: true` marks entries not confirmed from a
 * source during preparation (an administrator should check them against the official notice).
 */
export interface OfficialCalendarEntry extends CalendarOverride {
  source: string;
  verify?: boolean;
}

const TET_2023 = 'Lịch nghỉ Tết Quý Mão của CBCCVC: 20/01–26/01/2023 (Thông báo của Bộ LĐ-TB&XH)';
const TET_2024 = 'Thông báo Bộ LĐ-TB&XH: nghỉ 08/02–14/02/2024, 5 ngày Tết + 2 ngày nghỉ bù (sucsongtre.vn, chinhphu.vn)';
const TET_2025 = 'Lịch nghỉ Tết Ất Tỵ: 25/01–02/02/2025, 9 ngày (licham.prices.vn; tet-amlich.com)';
const TET_2026 = 'Tết Bính Ngọ: nghỉ 14/02–22/02/2026, ngày Tết 16/02–20/02 (congan.com.vn; vietnammedia.vnanet.vn 17/10/2025)';

export const OFFICIAL_CALENDAR_2023_2026: readonly OfficialCalendarEntry[] = [
  // 2023
  {
    date: '2023-01-02',
    kind: 'day_off',
    name: 'Nghỉ bù Tết Dương lịch',
    source: 'Lịch nghỉ Tết Dương lịch 2023: 01–02/01 (thông báo nghỉ lễ 2023)',
  },
  { date: '2023-01-20', kind: 'day_off', name: 'Tết Nguyên đán (29 tháng Chạp)', source: TET_2023, verify: true },
  { date: '2023-01-23', kind: 'day_off', name: 'Tết Nguyên đán (mùng 2)', source: TET_2023, verify: true },
  { date: '2023-01-24', kind: 'day_off', name: 'Tết Nguyên đán (mùng 3)', source: TET_2023, verify: true },
  { date: '2023-01-25', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên đán', source: TET_2023, verify: true },
  { date: '2023-01-26', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên đán', source: TET_2023, verify: true },
  { date: '2023-01-27', kind: 'working_day', name: 'Làm việc bình thường sau Tết', source: TET_2023, verify: true },
  {
    date: '2023-05-02',
    kind: 'day_off',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    source: 'Nghỉ 29/4–03/5/2023: Giỗ Tổ (thứ Bảy) và 30/4 (Chủ nhật) nghỉ bù 02/5, 03/5',
  },
  {
    date: '2023-05-03',
    kind: 'day_off',
    name: 'Nghỉ bù Ngày Chiến thắng',
    source: 'Nghỉ 29/4–03/5/2023: Giỗ Tổ (thứ Bảy) và 30/4 (Chủ nhật) nghỉ bù 02/5, 03/5',
  },
  {
    date: '2023-09-01',
    kind: 'day_off',
    name: 'Quốc khánh (ngày liền kề)',
    source: 'Nghỉ Quốc khánh 01/9–04/9/2023',
    verify: true,
  },
  { date: '2023-09-04', kind: 'day_off', name: 'Nghỉ bù Quốc khánh', source: 'Nghỉ Quốc khánh 01/9–04/9/2023', verify: true },

  // 2024
  { date: '2024-02-08', kind: 'day_off', name: 'Tết Nguyên đán (29 tháng Chạp)', source: TET_2024 },
  { date: '2024-02-09', kind: 'day_off', name: 'Tết Nguyên đán (30 tháng Chạp)', source: TET_2024 },
  { date: '2024-02-12', kind: 'day_off', name: 'Tết Nguyên đán (mùng 3)', source: TET_2024 },
  { date: '2024-02-13', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên đán', source: TET_2024 },
  { date: '2024-02-14', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên đán', source: TET_2024 },
  { date: '2024-02-15', kind: 'working_day', name: 'Làm việc bình thường sau Tết', source: TET_2024 },
  {
    date: '2024-04-29',
    kind: 'day_off',
    name: 'Hoán đổi: nghỉ thứ Hai trước lễ 30/4',
    source: 'Thủ tướng đồng ý hoán đổi 29/4 ↔ thứ Bảy 04/5/2024; nghỉ 27/4–01/5/2024',
  },
  {
    date: '2024-05-04',
    kind: 'working_day',
    name: 'Làm bù cho ngày 29/4 (hoán đổi)',
    source: 'Thủ tướng đồng ý hoán đổi 29/4 ↔ thứ Bảy 04/5/2024; nghỉ 27/4–01/5/2024',
  },
  {
    date: '2024-09-03',
    kind: 'day_off',
    name: 'Quốc khánh (ngày liền kề)',
    source: 'Nghỉ Quốc khánh 31/8–03/9/2024 (btv.org.vn)',
  },

  // 2025
  { date: '2025-01-27', kind: 'day_off', name: 'Tết Nguyên đán (28 tháng Chạp)', source: TET_2025 },
  { date: '2025-01-28', kind: 'day_off', name: 'Tết Nguyên đán (29 tháng Chạp)', source: TET_2025 },
  { date: '2025-01-29', kind: 'day_off', name: 'Tết Nguyên đán (mùng 1)', source: TET_2025 },
  { date: '2025-01-30', kind: 'day_off', name: 'Tết Nguyên đán (mùng 2)', source: TET_2025 },
  { date: '2025-01-31', kind: 'day_off', name: 'Tết Nguyên đán (mùng 3)', source: TET_2025 },
  { date: '2025-02-03', kind: 'working_day', name: 'Làm việc bình thường sau Tết', source: TET_2025 },
  {
    date: '2025-05-02',
    kind: 'day_off',
    name: 'Hoán đổi: nghỉ thứ Sáu sau lễ 1/5',
    source: 'Hoán đổi 02/5 ↔ thứ Bảy 26/4/2025; nghỉ 30/4–04/5/2025 (VietnamPlus)',
  },
  {
    date: '2025-04-26',
    kind: 'working_day',
    name: 'Làm bù cho ngày 02/5 (hoán đổi)',
    source: 'Hoán đổi 02/5 ↔ thứ Bảy 26/4/2025; nghỉ 30/4–04/5/2025 (VietnamPlus)',
  },
  {
    date: '2025-09-01',
    kind: 'day_off',
    name: 'Quốc khánh (ngày liền kề)',
    source: 'Nghỉ Quốc khánh 30/8–02/9/2025 (tet-amlich.com)',
  },

  // 2026
  {
    date: '2026-01-02',
    kind: 'day_off',
    name: 'Hoán đổi: nghỉ thứ Sáu sau Tết Dương lịch',
    source: 'Chính phủ đồng ý hoán đổi 02/01 ↔ thứ Bảy 10/01/2026 (24h.com.vn 26/12/2025)',
  },
  {
    date: '2026-01-10',
    kind: 'working_day',
    name: 'Làm bù cho ngày 02/01 (hoán đổi)',
    source: 'Chính phủ đồng ý hoán đổi 02/01 ↔ thứ Bảy 10/01/2026 (24h.com.vn 26/12/2025)',
  },
  { date: '2026-02-16', kind: 'day_off', name: 'Tết Nguyên đán (29 tháng Chạp)', source: TET_2026 },
  { date: '2026-02-17', kind: 'day_off', name: 'Tết Nguyên đán (mùng 1)', source: TET_2026 },
  { date: '2026-02-18', kind: 'day_off', name: 'Tết Nguyên đán (mùng 2)', source: TET_2026 },
  { date: '2026-02-19', kind: 'day_off', name: 'Tết Nguyên đán (mùng 3)', source: TET_2026 },
  { date: '2026-02-20', kind: 'day_off', name: 'Tết Nguyên đán (mùng 4)', source: TET_2026 },
  {
    date: '2026-04-27',
    kind: 'day_off',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    source: 'Giỗ Tổ 26/4/2026 (Chủ nhật) nghỉ bù 27/4 (thanhnien.vn 23/02/2026)',
  },
  {
    date: '2026-09-01',
    kind: 'day_off',
    name: 'Quốc khánh (ngày liền kề)',
    source: 'Đề xuất theo quy tắc; chưa xác nhận được thông báo chính thức về ngày liền kề 2/9/2026',
    verify: true,
  },
];
