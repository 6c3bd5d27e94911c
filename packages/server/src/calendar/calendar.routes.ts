import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryFor, markAudited } from '../audit/index';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { provinceAdminOnly, requireProvinceAdmin } from '../organisation/admin-scope';
import { describeYear, type RemoveOverrideResult, removeOverride, saveOverride } from './calendar.service';

const DateParams = z.object({ date: z.string().max(20).describe('Ngày (YYYY-MM-DD)') });

const OverrideSchema = z.object({
  date: z.string(),
  kind: z.enum(['day_off', 'working_day']).describe('day_off: ngày nghỉ; working_day: ngày làm việc (kể cả thứ Bảy làm bù)'),
  name: z.string(),
  source: z.string().describe('Căn cứ (số thông báo, quyết định)'),
  needsVerification: z.boolean().describe('true: dữ liệu nạp sẵn, chưa đối chiếu với thông báo chính thức'),
  updatedAt: z.date(),
});

const YearSchema = z.object({
  year: z.number().int(),
  daysOff: z
    .array(z.object({ date: z.string(), name: z.string(), kind: z.enum(['holiday', 'compensatory', 'day_off']) }))
    .describe('Ngày nghỉ lễ, Tết, nghỉ bù và ngày nghỉ theo quyết định (không liệt kê thứ Bảy, Chủ nhật thường)'),
  workingDays: z
    .array(z.object({ date: z.string(), name: z.string() }))
    .describe('Ngày làm việc theo điều chỉnh (ví dụ thứ Bảy làm bù)'),
  overrides: z.array(OverrideSchema).describe('Các điều chỉnh đã lưu của năm'),
});

// Checked in the handler rather than by zod: the shared validation-problem mapping does not yet
// name the field of a refinement or coercion, and a client must be told which one it is.
const AffectedDossiers = z
  .array(
    z.object({
      code: z.string(),
      procedureCode: z.string(),
      agencyCode: z.string(),
      applicantName: z.string(),
      dueAt: z.date().describe('Hạn đã hẹn (giữ nguyên)'),
      dueAtWithChange: z.date().describe('Hạn nếu tính theo lịch mới'),
    }),
  )
  .describe('Hồ sơ đang giải quyết có hạn sẽ khác nếu tính theo lịch mới; hạn đã hẹn không tự thay đổi');

const invalidField = (field: string, message: string) =>
  problem(400, 'validation', 'Dữ liệu gửi lên không hợp lệ', {
    detail: 'Vui lòng sửa các trường được nêu và gửi lại.',
    errors: [{ field, message }],
  });

/** The calendar's refusals; a day without an override is named by the date in the address. */
const calendarRefusals = (date: string) =>
  refusals<Extract<RemoveOverrideResult, { ok: false }>>({
    invalid_date: {
      status: 400,
      code: 'validation',
      title: 'Dữ liệu gửi lên không hợp lệ',
      detail: 'Vui lòng sửa các trường được nêu và gửi lại.',
      errors: () => [{ field: 'params.date', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' }],
    },
    not_found: { status: 404, code: 'calendar-override-not-found', title: 'Ngày này không có điều chỉnh', detail: date },
  });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch ngày nghỉ, ngày làm việc của một năm',
        querystring: z.object({ year: z.string().max(10).describe('Năm dương lịch (2000–2100)') }),
        response: { 200: YearSchema },
      },
    },
    async (request) => {
      const value = request.query.year;
      if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
        throw invalidField('querystring.year', 'Năm phải là số từ 2000 đến 2100');
      }
      const year = await describeYear(app.ctx, Number(value));
      return { ...year, overrides: year.overrides.map(({ updatedBy: _u, ...o }) => o) };
    },
  );

  app.put(
    '/api/v1/calendar/overrides/:date',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Đặt điều chỉnh lịch cho một ngày (quản trị tỉnh); trả về các hồ sơ có hạn sẽ khác',
        params: DateParams,
        body: z.strictObject({
          kind: z.enum(['day_off', 'working_day']),
          name: z.string().trim().min(1).max(200).describe('Tên ngày, ví dụ "Nghỉ bù Quốc khánh"'),
          source: z.string().trim().max(500).optional().describe('Căn cứ (số thông báo, quyết định)'),
        }),
        response: { 200: OverrideSchema.extend({ affectedDossiers: AffectedDossiers }) },
      },
    },
    async (request) => {
      const actor = requireProvinceAdmin(request);
      const { date } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'calendar_override', id: date });
      const result = await saveOverride(app.ctx, { date, ...request.body }, actor.userId, audit);
      if (!result.ok) throw refuse(result, calendarRefusals(date));
      markAudited(request);
      const { updatedBy: _u, ...o } = result.override;
      return { ...o, affectedDossiers: result.affectedDossiers };
    },
  );

  app.delete(
    '/api/v1/calendar/overrides/:date',
    {
      preValidation: provinceAdminOnly,
      schema: {
        tags: ['calendar'],
        summary: 'Xóa điều chỉnh lịch của một ngày, trở về lịch đề xuất (quản trị tỉnh); trả về các hồ sơ có hạn sẽ khác',
        params: DateParams,
        response: { 200: z.object({ affectedDossiers: AffectedDossiers }) },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const { date } = request.params;
      const audit = auditEntryFor(request, 200, { type: 'calendar_override', id: date });
      const result = await removeOverride(app.ctx, date, audit);
      if (!result.ok) throw refuse(result, calendarRefusals(date));
      markAudited(request);
      return { affectedDossiers: result.affectedDossiers };
    },
  );
};
