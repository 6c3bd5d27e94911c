import { vietnamDays } from '@dvc/domain/vietnam-time';
import { isCalendarDate } from '@dvc/domain/working-days';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../http/problem';
import { refusals, refuse } from '../http/refusal';
import { requireCitizen } from '../identity/actor';
import { reportScope } from '../reports/reports.routes';
import { findRatedDossier, ratingReport, readRating, type SaveRatingResult, saveRating } from './rating.service';
import { ratingTokenMatches } from './rating-link';
import { RATING_EDIT_DAYS, RATING_LEVEL_LABELS, RATING_LEVELS, RATING_QUESTIONS } from './rating-questions';

const tags = ['Đánh giá, phản ánh'];

const Level = z.enum(RATING_LEVELS);
const RatingBody = z.strictObject({
  answers: z.strictObject(Object.fromEntries(RATING_QUESTIONS.map((q) => [q.code, Level])) as Record<string, typeof Level>),
  comment: z.string().trim().max(2000).nullish(),
});

const RatingViewSchema = z.object({
  code: z.string(),
  procedureCode: z.string(),
  returnedAt: z.string().nullable(),
  canRate: z.boolean(),
  rating: z
    .object({
      answers: z.record(z.string(), Level),
      comment: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  editableUntil: z.string().nullable(),
  questions: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
  levels: z.array(z.object({ code: Level, vi: z.string(), en: z.string() })),
  editDays: z.number(),
});

const CodeParams = z.object({ code: z.string().trim().min(5).max(60) });
const TokenQuery = z.object({ t: z.string().max(100).optional() });

const form = {
  questions: RATING_QUESTIONS.map((q) => ({ ...q })),
  levels: RATING_LEVELS.map((code) => ({ code, ...RATING_LEVEL_LABELS[code] })),
  editDays: RATING_EDIT_DAYS,
};

const notFound = () => problem(404, 'not-found', 'Không tìm thấy hồ sơ');

const RATING_REFUSALS = refusals<Extract<SaveRatingResult, { ok: false }>>({
  'not-returned': {
    status: 409,
    title: 'Hồ sơ chưa trả kết quả',
    detail: 'Bạn có thể đánh giá sau khi nhận kết quả.',
  },
  closed: {
    status: 409,
    code: 'rating-closed',
    title: 'Đã hết thời gian sửa đánh giá',
    detail: `Đánh giá chỉ sửa được trong ${RATING_EDIT_DAYS} ngày kể từ lần đánh giá đầu.`,
  },
});

/** Satisfaction ratings: the applicant from the dossier page, a counter filer from the SMS link; the reports. */
export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/dossiers/:code/rating',
    {
      schema: {
        tags,
        summary: 'Đánh giá mức độ hài lòng của hồ sơ (người nộp)',
        params: CodeParams,
        response: { 200: RatingViewSchema },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const row = await findRatedDossier(app.ctx, request.params.code);
      if (!row || row.applicantId !== actor.userId) throw notFound();
      return { ...(await readRating(app.ctx, row)), ...form };
    },
  );

  app.put(
    '/api/v1/dossiers/:code/rating',
    {
      schema: {
        tags,
        summary: `Người nộp đánh giá mức độ hài lòng sau khi nhận kết quả (sửa được trong ${RATING_EDIT_DAYS} ngày)`,
        params: CodeParams,
        body: RatingBody,
        response: { 200: RatingViewSchema },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const row = await findRatedDossier(app.ctx, request.params.code);
      if (!row || row.applicantId !== actor.userId) throw notFound();
      const result = await saveRating(app.ctx, row, request.body, 'applicant');
      if (!result.ok) throw refuse(result, RATING_REFUSALS);
      request.auditRecord = { type: 'dossier', id: row.code };
      return { ...result.view, ...form };
    },
  );

  app.get(
    '/api/v1/public/ratings/:code',
    {
      schema: {
        tags,
        summary: 'Đánh giá hồ sơ bằng đường dẫn trong tin nhắn (không cần tài khoản)',
        params: CodeParams,
        querystring: TokenQuery,
        response: { 200: RatingViewSchema },
      },
    },
    async (request, reply) => {
      const row = await findRatedDossier(app.ctx, request.params.code);
      if (!row || !ratingTokenMatches(row.id, request.query.t)) throw notFound();
      reply.header('cache-control', 'no-store');
      return { ...(await readRating(app.ctx, row)), ...form };
    },
  );

  app.put(
    '/api/v1/public/ratings/:code',
    {
      schema: {
        tags,
        summary: 'Gửi đánh giá bằng đường dẫn trong tin nhắn',
        params: CodeParams,
        querystring: TokenQuery,
        body: RatingBody,
        response: { 200: RatingViewSchema },
      },
    },
    async (request) => {
      const row = await findRatedDossier(app.ctx, request.params.code);
      if (!row || !ratingTokenMatches(row.id, request.query.t)) throw notFound();
      const result = await saveRating(app.ctx, row, request.body, 'link');
      if (!result.ok) throw refuse(result, RATING_REFUSALS);
      request.auditRecord = { type: 'dossier', id: row.code };
      return { ...result.view, ...form };
    },
  );

  app.get(
    '/api/v1/reports/ratings',
    {
      schema: {
        tags,
        summary: 'Kết quả đánh giá mức độ hài lòng theo đơn vị, cơ quan hoặc thủ tục',
        querystring: z.object({
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          groupBy: z.enum(['unit', 'agency', 'procedure']).default('agency'),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            groupBy: z.string(),
            questions: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
            rows: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                ratings: z.number(),
                satisfiedPercent: z.number(),
                questions: z.record(
                  z.string(),
                  z.object({
                    very_satisfied: z.number(),
                    satisfied: z.number(),
                    dissatisfied: z.number(),
                    satisfiedPercent: z.number(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const agencies = reportScope(request);
      const { from, to, groupBy } = request.query;
      for (const [field, value] of [
        ['from', from],
        ['to', to],
      ] as const)
        if (!isCalendarDate(value))
          throw problem(400, 'validation', 'Kỳ báo cáo không hợp lệ', {
            errors: [{ field: `querystring.${field}`, message: 'Ngày không có thật trên lịch' }],
          });
      if (to < from)
        throw problem(400, 'validation', 'Kỳ báo cáo không hợp lệ', {
          errors: [{ field: 'querystring.to', message: '"Đến ngày" trước "từ ngày"' }],
        });
      // Days in Vietnam's time: [from 00:00, the day after `to` 00:00).
      const { start, end } = vietnamDays(from, to);
      const rows = await ratingReport(app.ctx, { from: start, to: end, groupBy, agencies });
      return { from, to, groupBy, questions: form.questions, rows };
    },
  );
};
