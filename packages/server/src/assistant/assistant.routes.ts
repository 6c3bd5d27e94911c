import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AddressLimiter, sharedLookupGuard } from '../dossiers/index';
import { problem } from '../http/problem';
import { answerMessage } from './assistant.service';
import { assistantAdminRoutes } from './assistant-admin.routes';
import { voiceRoutes } from './voice.routes';

const tags = ['assistant'];

/** Per address, as the public lookup: a person chatting never needs more; a scanner of codes is slowed. */
const ADDRESS_LIMIT = { max: 30, windowMs: 60_000 };
const MAX_TEXT = 1_000;

const MessageBody = z.strictObject({
  text: z
    .string({ error: 'Vui lòng nhập câu hỏi' })
    .trim()
    .min(1, { error: 'Vui lòng nhập câu hỏi' })
    .max(MAX_TEXT, { error: `Câu hỏi dài tối đa ${MAX_TEXT} ký tự` }),
  conversationId: z.uuid({ error: 'Mã cuộc trò chuyện không hợp lệ' }).optional(),
  lookup: z
    .strictObject({
      code: z.string().trim().min(5, { error: 'Mã hồ sơ không hợp lệ' }).max(60, { error: 'Mã hồ sơ không hợp lệ' }),
      phoneLast4: z.string().max(20, { error: '4 số cuối điện thoại không hợp lệ' }),
    })
    .optional(),
});

const Reply = z.object({
  conversationId: z.string(),
  answer: z.string(),
  intent: z.enum(['papers', 'fee', 'duration', 'where', 'online', 'status', 'hours', 'faq', 'unknown']),
  confident: z.boolean(),
  sources: z.array(z.object({ procedureCode: z.string().nullable(), field: z.string() })),
  actions: z.array(z.object({ label: z.string(), href: z.string() })),
});

/** The assistant (issue 19): answers from the catalog, the calendar, and a dossier the asker may see. */
export const assistantRoutes: FastifyPluginAsyncZod = async (app) => {
  const addresses = new AddressLimiter(ADDRESS_LIMIT.max, ADDRESS_LIMIT.windowMs);
  // The public lookup's own per-code lock: a code's guesses count the same through either door.
  const guard = sharedLookupGuard(app.ctx);
  await app.register(voiceRoutes(guard, addresses));
  await app.register(assistantAdminRoutes);

  app.post(
    '/api/v1/assistant/messages',
    {
      schema: {
        tags,
        summary: 'Hỏi trợ lý: giấy tờ, lệ phí, thời hạn, nơi nộp của một thủ tục, giờ làm việc, tình trạng hồ sơ',
        body: MessageBody,
        response: { 200: Reply },
      },
    },
    async (request, reply) => {
      const wait = addresses.take(request.ip, app.ctx.now());
      if (wait !== undefined) {
        reply.header('retry-after', String(wait));
        throw problem(429, 'too-many-requests', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', {
          detail: `Vui lòng thử lại sau ${wait} giây.`,
        });
      }
      reply.header('cache-control', 'no-store');
      return answerMessage(app.ctx, request.body, request.actor, guard);
    },
  );
};
