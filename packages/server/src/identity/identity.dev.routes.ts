import { PhoneNumber } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRecentSms } from './sms-outbox';

/**
 * Developer pages, registered only when DEV_TOOLS is on (never in production): the SMS outbox, so
 * that one-time codes can be read without an SMS gateway.
 */
export const identityDevRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dev/sms-outbox',
    {
      schema: {
        tags: ['Công cụ phát triển'],
        summary: 'Tin nhắn SMS đang chờ gửi (chỉ ở chế độ phát triển)',
        querystring: z.strictObject({
          phone: PhoneNumber.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: {
          200: z.object({
            messages: z.array(
              z.object({ id: z.number(), phone: z.string(), body: z.string(), createdAt: z.string(), status: z.string() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listRecentSms(app.ctx.db, app.ctx.config.PROVINCE_CODE, request.query);
      return { messages: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );
};
