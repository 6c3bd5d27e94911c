import { PhoneNumber } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demoToolsOnly } from './demo-tools';
import { listRecentSms } from './sms-outbox';

/**
 * Demo pages, registered only in demo mode (DVC_DEMO=1, never in production): the SMS outbox, so
 * that one-time codes can be read without an SMS gateway — from this machine or by a system
 * administrator only.
 */
export const identityDevRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', demoToolsOnly);
  app.get(
    '/api/dev/sms-outbox',
    {
      schema: {
        tags: ['Công cụ phát triển'],
        summary: 'Tin nhắn SMS đang chờ gửi (chỉ ở chế độ demo, từ máy chủ hoặc quản trị hệ thống)',
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
