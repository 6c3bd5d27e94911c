import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const identityRoutes: FastifyPluginAsyncZod = async (_app) => {};
