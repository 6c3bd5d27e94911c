import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export const auditPlugin: FastifyPluginAsync = fp(async (_app) => {});
