import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: HealthSchema } } },
    async () => {
      await sql`select 1`.execute(app.ctx.db);
      return { status: 'ok' as const, database: app.ctx.databaseKind };
    },
  );
};
