import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** Serves the built web app; app.ts falls back to index.html for client-side routes. */
const serveWebApp: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  await app.register(fastifyStatic, { root, wildcard: false, maxAge: '1h' });
};
export const webAppPlugin = fp(serveWebApp);
