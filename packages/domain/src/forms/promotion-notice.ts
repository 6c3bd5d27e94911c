import { z } from 'zod';
import { promotionNotice } from '../procedures/promotion-notice';
import { TaxCode } from '../tax-code';
import { addWorkingDays, type CalendarDate, type WorkingCalendar } from '../working-days';
import { dong, formatDateVi, isoDate, requiredText, whenValid } from './common';

/**
 * Thông báo hoạt động khuyến mại. Forms of promotion: Law on Commerce 2005 art. 92 (clauses 1–9),
 * detailed by Decree 81/2018/NĐ-CP (one article per form, about art. 8–15; amended by Decree
 * 128/2024/NĐ-CP). The notice (art. 17) goes to the Department of Industry and Trade of each
 * province where the programme runs, at least 3 working days before it starts. A lottery-type
 * programme is registered instead (art. 19: with the Department when it runs in one province, the
 * Ministry otherwise); a form outside the list needs the Ministry's approval. Neither can be filed
 * through this notice.
 */

export type PromotionProcedure = 'notice' | 'registration' | 'approval';

export interface PromotionFormInfo {
  id: string;
  labelVi: string;
  /** Clause of art. 92 of the Law on Commerce 2005. */
  lawClause: number;
  procedure: PromotionProcedure;
  /** The programme gives goods, prizes or rewards whose value must be declared. */
  requiresPrizes: boolean;
}

export const PROMOTION_FORMS = [
  {
    id: 'hang-mau',
    labelVi: 'Đưa hàng mẫu, cung ứng dịch vụ mẫu để khách hàng dùng thử không phải trả tiền',
    lawClause: 1,
    procedure: 'notice',
    requiresPrizes: false,
  },
  {
    id: 'tang-qua',
    labelVi: 'Tặng hàng hóa, cung ứng dịch vụ không thu tiền',
    lawClause: 2,
    procedure: 'notice',
    requiresPrizes: true,
  },
  {
    id: 'giam-gia',
    labelVi: 'Bán hàng, cung ứng dịch vụ với giá thấp hơn giá trước đó (giảm giá)',
    lawClause: 3,
    procedure: 'notice',
    requiresPrizes: false,
  },
  {
    id: 'phieu-mua-hang',
    labelVi: 'Bán hàng, cung ứng dịch vụ kèm phiếu mua hàng, phiếu sử dụng dịch vụ',
    lawClause: 4,
    procedure: 'notice',
    requiresPrizes: false,
  },
  {
    id: 'phieu-du-thi',
    labelVi: 'Bán hàng, cung ứng dịch vụ kèm phiếu dự thi để chọn người trao thưởng',
    lawClause: 5,
    procedure: 'notice',
    requiresPrizes: true,
  },
  {
    id: 'may-rui',
    labelVi: 'Bán hàng, cung ứng dịch vụ kèm tham dự chương trình mang tính may rủi',
    lawClause: 6,
    procedure: 'registration',
    requiresPrizes: true,
  },
  {
    id: 'khach-hang-thuong-xuyen',
    labelVi: 'Chương trình khách hàng thường xuyên',
    lawClause: 7,
    procedure: 'notice',
    requiresPrizes: true,
  },
  {
    id: 'van-hoa-giai-tri',
    labelVi: 'Chương trình văn hóa, nghệ thuật, giải trí và sự kiện khác vì mục đích khuyến mại',
    lawClause: 8,
    procedure: 'notice',
    requiresPrizes: false,
  },
  {
    id: 'khac',
    labelVi: 'Hình thức khuyến mại khác (phải được Bộ Công Thương chấp thuận)',
    lawClause: 9,
    procedure: 'approval',
    requiresPrizes: false,
  },
] as const satisfies readonly PromotionFormInfo[];

export type PromotionFormId = (typeof PROMOTION_FORMS)[number]['id'];

export function promotionFormInfo(id: string): PromotionFormInfo | undefined {
  return PROMOTION_FORMS.find((f) => f.id === id);
}

/** Working days of notice, from the catalog entry (data, not code). */
export const PROMOTION_NOTICE_WORKING_DAYS = promotionNotice.minimumNoticeWorkingDays ?? 3;

/**
 * The earliest start date for a notice filed on `today`: the 3rd working day after it (the day
 * of filing is not counted; weekends and holidays come from the calendar).
 */
export function earliestPromotionStart(today: CalendarDate, calendar: WorkingCalendar): CalendarDate {
  return addWorkingDays(today, PROMOTION_NOTICE_WORKING_DAYS, calendar);
}

export const PromotionPrize = z.strictObject({
  description: requiredText('tên giải thưởng, hàng hóa khuyến mại', 500),
  quantity: z
    .number({ error: 'Vui lòng nhập số lượng' })
    .int({ error: 'Số lượng phải là số nguyên' })
    .positive({ error: 'Số lượng phải lớn hơn 0' }),
  /** Value of one unit in đồng. */
  unitValue: dong('giá trị', { allowZero: false }),
});

export function promotionPrizeTotal(prizes: ReadonlyArray<{ quantity: number; unitValue: number }>): number {
  return prizes.reduce((sum, p) => sum + p.quantity * p.unitValue, 0);
}

export interface PromotionNoticeDeps {
  /** The filing date in Vietnam (the caller reads the clock). */
  today: CalendarDate;
  calendar: WorkingCalendar;
}

export function promotionNoticeSchema({ today, calendar }: PromotionNoticeDeps) {
  const earliest = earliestPromotionStart(today, calendar);
  return z
    .strictObject({
      taxCode: TaxCode,
      enterpriseName: requiredText('tên doanh nghiệp', 255),
      programmeName: requiredText('tên chương trình khuyến mại', 255),
      promotionForm: z
        .enum(PROMOTION_FORMS.map((f) => f.id) as [PromotionFormId, ...PromotionFormId[]], {
          error: 'Vui lòng chọn hình thức khuyến mại',
        })
        .superRefine((id, ctx) => {
          const info = promotionFormInfo(id);
          if (info?.procedure === 'registration') {
            ctx.addIssue({
              code: 'custom',
              message: 'Chương trình khuyến mại mang tính may rủi phải làm thủ tục đăng ký, không dùng thông báo',
            });
          } else if (info?.procedure === 'approval') {
            ctx.addIssue({
              code: 'custom',
              message: 'Hình thức khuyến mại khác phải được Bộ Công Thương chấp thuận, không dùng thông báo',
            });
          }
        }),
      goods: requiredText('hàng hóa, dịch vụ được khuyến mại', 2000),
      prizes: z.array(PromotionPrize).default([]),
      area: requiredText('địa bàn thực hiện khuyến mại', 500),
      startDate: isoDate('ngày bắt đầu').refine((d) => d >= earliest, {
        error: `Ngày bắt đầu sớm nhất là ${formatDateVi(earliest)} (thông báo phải gửi trước ít nhất ${PROMOTION_NOTICE_WORKING_DAYS} ngày làm việc)`,
      }),
      endDate: isoDate('ngày kết thúc'),
    })
    .superRefine(
      (form, ctx) => {
        if (form.endDate < form.startDate) {
          ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ngày kết thúc không được trước ngày bắt đầu' });
        }
      },
      { when: whenValid('startDate', 'endDate') },
    )
    .superRefine(
      (form, ctx) => {
        if (promotionFormInfo(form.promotionForm)?.requiresPrizes && form.prizes.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['prizes'],
            message: 'Vui lòng kê khai giải thưởng, hàng hóa khuyến mại và giá trị',
          });
        }
      },
      { when: whenValid('promotionForm', 'prizes') },
    );
}
export type PromotionNoticeForm = z.output<ReturnType<typeof promotionNoticeSchema>>;
