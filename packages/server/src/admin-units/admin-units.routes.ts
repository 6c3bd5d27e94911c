import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const adminUnitRoutes: FastifyPluginAsyncZod = async (_app) => {};
