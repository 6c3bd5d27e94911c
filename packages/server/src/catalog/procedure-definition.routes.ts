import { procedureDefinitions } from '@dvc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The procedure definition format (issue 12) as JSON Schema, for the administrators' editors and
 * for other systems that write definitions. Public: it describes a format, not the province's data.
 */
export const procedureDefinitionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/procedure-definition.schema.json',
    {
      schema: {
        tags: ['Danh mục thủ tục'],
        summary: 'Lược đồ JSON Schema của định nghĩa thủ tục (thông tin thủ tục và biểu mẫu khai)',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      reply.type('application/schema+json; charset=utf-8');
      return procedureDefinitions.procedureDefinitionJsonSchema();
    },
  );
};
