import { FaqEntryView, FaqListView, UnansweredListView } from '@dvc/domain/contract/assistant-admin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findProcedureByCode } from '../catalog/index';
import { problem } from '../http/problem';
import { provinceAdminOnly, requireProvinceAdmin } from '../organisation/admin-scope';
import { declinedQuestions, insertFaq, listFaq } from './conversation.repository';
import { faqMatcher } from './faq';

const tags = ['assistant'];

const FaqBody = z.strictObject({
  question: z
    .string({ error: 'Vui lòng nhập câu hỏi' })
    .trim()
    .min(5, { error: 'Câu hỏi cần ít nhất 5 ký tự' })
    .max(300, { error: 'Câu hỏi dài tối đa 300 ký tự' }),
  answer: z
    .string({ error: 'Vui lòng nhập câu trả lời' })
    .trim()
    .min(10, { error: 'Câu trả lời cần ít nhất 10 ký tự' })
    .max(2_000, { error: 'Câu trả lời dài tối đa 2000 ký tự' }),
  procedureCode: z.string().trim().max(40, { error: 'Mã thủ tục không hợp lệ' }).optional(),
});

const toView = (e: { id: string; question: string; answer: string; procedureCode: string | null; createdAt: Date }) => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
});

/**
 * The province's administrators read what the assistant could not answer and write the answers it
 * then gives (issue 19 point 3). They speak for the province to every citizen, as the catalog does,
 * so they are the catalog's administrators: the province administrator (and the system administrator).
 */
export const assistantAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/assistant/unanswered',
    {
      schema: {
        tags,
        summary:
          'Câu hỏi trợ lý chưa trả lời được (30 ngày gần nhất, chưa có câu hỏi thường gặp), hỏi nhiều nhất trước; đã che dữ liệu cá nhân',
        response: { 200: UnansweredListView },
      },
    },
    async (request) => {
      requireProvinceAdmin(request);
      // A question an FAQ entry now answers is no longer waiting for one.
      const [declined, answeredBy] = await Promise.all([declinedQuestions(app.ctx, 200), faqMatcher(app.ctx)]);
      const items = declined.filter((d) => !answeredBy(d.question)).slice(0, 100);
      return { items: items.map((i) => ({ ...i, lastAskedAt: i.lastAskedAt.toISOString() })) };
    },
  );

  app.get(
    '/api/v1/admin/assistant/faq',
    {
      schema: { tags, summary: 'Các câu hỏi thường gặp do tỉnh soạn', response: { 200: FaqListView } },
    },
    async (request) => {
      requireProvinceAdmin(request);
      return { items: (await listFaq(app.ctx)).map(toView) };
    },
  );

  app.post(
    '/api/v1/admin/assistant/faq',
    {
      preValidation: provinceAdminOnly,
      schema: { tags, summary: 'Thêm câu hỏi thường gặp cho trợ lý', body: FaqBody, response: { 201: FaqEntryView } },
    },
    async (request, reply) => {
      const actor = requireProvinceAdmin(request);
      const procedureCode = request.body.procedureCode || null;
      if (procedureCode && !(await findProcedureByCode(app.ctx, procedureCode))) {
        throw problem(400, 'validation', 'Dữ liệu không hợp lệ', {
          errors: [{ field: 'procedureCode', message: 'Không có thủ tục với mã này trong danh mục' }],
        });
      }
      const entry = await insertFaq(
        app.ctx,
        { question: request.body.question, answer: request.body.answer, procedureCode },
        actor.userId,
        app.ctx.now(),
      );
      reply.code(201);
      return toView(entry);
    },
  );
};
