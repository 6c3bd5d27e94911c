import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { requireProvinceAdmin } from '../organisation/admin-scope';
import { RETENTION_CATEGORIES, runRetention } from './retention';
import { RETENTION_DEFAULTS } from './retention.seed';

const tags = ['Dữ liệu cá nhân'];

/** The actions each category allows: the logs are append-only; a dossier is anonymised, never deleted. */
function allowedActions(category: string): readonly string[] {
  const fallback = RETENTION_DEFAULTS.find((d) => d.category === category)?.action;
  if (fallback === 'keep') return ['keep'];
  if (category === 'dossiers') return ['anonymise', 'keep'];
  return ['delete', 'keep'];
}

const RunLine = z.object({
  category: z.string(),
  procedureCode: z.string(),
  action: z.string(),
  cutoff: z.string(),
  affected: z.number().int(),
  detail: z.record(z.string(), z.number()),
});

/** Retention periods as data, changed by an administrator; the job's runs, read back. */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/privacy/retention',
    {
      schema: {
        tags,
        summary: 'Thời hạn lưu trữ theo loại dữ liệu và các lần chạy gần đây',
        response: {
          200: z.object({
            policies: z.array(
              z.object({
                category: z.string(),
                procedureCode: z.string(),
                keepDays: z.number().int(),
                action: z.string(),
                legalBasis: z.string(),
                updatedAt: z.string(),
              }),
            ),
            runs: z.array(RunLine.extend({ runId: z.string(), at: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const db = app.ctx.db;
      const p = app.ctx.config.PROVINCE_CODE;
      const policies = await db
        .selectFrom('retentionPolicy')
        .select(['category', 'procedureCode', 'keepDays', 'action', 'legalBasis', 'updatedAt'])
        .where('provinceCode', '=', p)
        .orderBy('category')
        .orderBy('procedureCode')
        .execute();
      const runs = await db
        .selectFrom('retentionRun')
        .select(['runId', 'at', 'category', 'procedureCode', 'action', 'cutoff', 'affected', 'detail'])
        .where('provinceCode', '=', p)
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return {
        policies: policies.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
        runs: runs.map((r) => ({ ...r, at: r.at.toISOString(), cutoff: r.cutoff.toISOString() })),
      };
    },
  );

  app.put(
    '/api/v1/admin/privacy/retention/:category',
    {
      schema: {
        tags,
        summary: 'Đặt thời hạn lưu trữ của một loại dữ liệu (hồ sơ: có thể theo từng thủ tục)',
        params: z.object({ category: z.string().max(40) }),
        body: z.strictObject({
          procedureCode: z.string().min(1).max(60).default('*'),
          keepDays: z.number().int().min(0).max(36_500),
          action: z.enum(['delete', 'anonymise', 'keep']),
          legalBasis: z.string().trim().min(1).max(1000),
        }),
      },
    },
    async (request) => {
      const admin = requireProvinceAdmin(request);
      const { category } = request.params;
      const body = request.body;
      if (!RETENTION_CATEGORIES.includes(category) && !RETENTION_DEFAULTS.some((d) => d.category === category)) {
        throw problem(404, 'retention-category-not-found', 'Không có loại dữ liệu này');
      }
      if (body.procedureCode !== '*' && category !== 'dossiers') {
        throw problem(400, 'retention-procedure-not-allowed', 'Chỉ hồ sơ mới có thời hạn theo thủ tục', {
          errors: [{ field: 'procedureCode', message: 'Bỏ trống với loại dữ liệu này' }],
        });
      }
      if (!allowedActions(category).includes(body.action)) {
        throw problem(400, 'retention-action-not-allowed', 'Cách xử lý không áp dụng cho loại dữ liệu này', {
          errors: [{ field: 'action', message: `Chọn một trong: ${allowedActions(category).join(', ')}` }],
        });
      }
      const now = app.ctx.now();
      const row = {
        provinceCode: app.ctx.config.PROVINCE_CODE,
        category,
        procedureCode: body.procedureCode,
        keepDays: body.keepDays,
        action: body.action,
        legalBasis: body.legalBasis,
        updatedAt: now,
        updatedBy: admin.userId,
      };
      await app.ctx.db
        .insertInto('retentionPolicy')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['provinceCode', 'category', 'procedureCode']).doUpdateSet({
            keepDays: body.keepDays,
            action: body.action,
            legalBasis: body.legalBasis,
            updatedAt: now,
            updatedBy: admin.userId,
          }),
        )
        .execute();
      request.auditRecord = { type: 'retention_policy', id: `${category}/${body.procedureCode}` };
      return { category, procedureCode: body.procedureCode, keepDays: body.keepDays, action: body.action };
    },
  );

  app.post(
    '/api/v1/admin/privacy/retention/run',
    {
      schema: {
        tags,
        summary: 'Chạy ngay việc xóa, ẩn danh dữ liệu hết thời hạn lưu trữ (thường chạy hằng đêm)',
        response: { 200: z.object({ runId: z.string(), lines: z.array(RunLine) }) },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      const r = await runRetention(app.ctx, app.ctx.now());
      request.auditRecord = { type: 'retention_run', id: r.runId };
      return { runId: r.runId, lines: r.lines.map((l) => ({ ...l, cutoff: l.cutoff.toISOString() })) };
    },
  );
};
