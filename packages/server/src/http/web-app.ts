import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** Serves the built web app; app.ts falls back to index.html for client-side routes. */
const serveWebApp: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  // preCompressed: the build writes .br/.gz beside each asset (packages/web/scripts/precompress.mjs).
  await app.register(fastifyStatic, { root, wildcard: false, maxAge: '1h', preCompressed: true });
};
export const webAppPlugin = fp(serveWebApp);
