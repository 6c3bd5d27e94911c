import { foldVietnamese } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { findLatestUnit, listUnits } from './admin-units.repository';
import { findUnit, isIsoDate, isNewEra, predecessorsOf, successorsOf, vietnamDate } from './admin-units.service';

const LEVELS = ['province', 'district', 'commune'] as const;
const KINDS = ['province', 'city', 'town', 'district', 'ward', 'commune', 'township', 'special_zone'] as const;

// Checked in the handler rather than by zod: the shared validation-problem mapping does not yet name
// the field of a refinement, and a client must be told it is `querystring.at`.
const AtSchema = z.string().max(40).optional().describe('Ngày xem (YYYY-MM-DD); mặc định hôm nay');

function dateParam(value: string | undefined, fallback: () => string): string {
  if (value === undefined) return fallback();
  if (isIsoDate(value)) return value;
  throw problem(400, 'validation', 'Dữ liệu gửi lên không hợp lệ', {
    detail: 'Vui lòng sửa các trường được nêu và gửi lại.',
    errors: [{ field: 'querystring.at', message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' }],
  });
}

export const AdminUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(KINDS),
  level: z.enum(LEVELS),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable().describe('Ngày bắt đầu hiệu lực; null = trước khi có dữ liệu'),
  validTo: z.string().nullable().describe('Ngày hết hiệu lực (không tính ngày này); null = còn hiệu lực'),
});

const AdminUnitDetailSchema = AdminUnitSchema.extend({
  successors: z.array(AdminUnitSchema).optional().describe('Đơn vị mới (từ 01/7/2025) tiếp nhận đơn vị cũ này'),
  predecessors: z.array(AdminUnitSchema).optional().describe('Đơn vị cũ hợp thành đơn vị mới này'),
});

const notFound = (code: string) =>
  problem(404, 'admin-unit-not-found', 'Không tìm thấy đơn vị hành chính', { detail: `Mã ${code} không có vào ngày đã chọn.` });

export const adminUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin-units',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Danh sách đơn vị hành chính có hiệu lực vào một ngày',
        querystring: z.object({
          at: AtSchema,
          level: z.enum(LEVELS).optional().describe('Cấp: tỉnh, huyện, xã'),
          parent: z
            .string()
            .regex(/^\d{2,5}$/)
            .optional()
            .describe('Mã đơn vị cấp trên (trực tiếp hoặc qua cấp huyện)'),
          q: z.string().max(100).optional().describe('Tìm theo tên, không phân biệt dấu'),
        }),
        response: { 200: z.object({ at: z.string(), items: z.array(AdminUnitSchema) }) },
      },
    },
    async (request) => {
      const { level, parent, q } = request.query;
      const at = dateParam(request.query.at, () => vietnamDate(app.ctx.now()));
      const qFolded = q ? foldVietnamese(q) : undefined;
      const items = await listUnits(app.ctx.db, { at, level, parent, qFolded: qFolded || undefined });
      return { at, items };
    },
  );

  app.get(
    '/api/v1/admin-units/:code',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Một đơn vị hành chính, kèm đơn vị tiếp nhận (cũ → mới) hoặc hợp thành (mới ← cũ)',
        params: z.object({ code: z.string().regex(/^\d{2,5}$/) }),
        querystring: z.object({ at: AtSchema }),
        response: { 200: AdminUnitDetailSchema },
      },
    },
    async (request) => {
      const { code } = request.params;
      const db = app.ctx.db;
      // Without a date, a code no longer in use (an old commune on a 2023 dossier) still resolves.
      const at = dateParam(request.query.at, () => '');
      const unit = at
        ? await findUnit(db, code, at)
        : ((await findUnit(db, code, vietnamDate(app.ctx.now()))) ?? (await findLatestUnit(db, code)));
      if (!unit) throw notFound(code);
      if (isNewEra(unit)) return { ...unit, predecessors: await predecessorsOf(db, code) };
      return { ...unit, successors: await successorsOf(db, code) };
    },
  );
};
