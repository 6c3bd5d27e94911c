import type { ServerResponse } from 'node:http';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { lockDataDir } from './db/data-dir-lock';
import { databaseUrls, openMigratedDatabase } from './db/open';
import { resolveDemoMode } from './dev/demo-mode';
import { protectDatabase } from './privacy';
import { seed } from './seed';
import { startWorkers, stopWorkers } from './workers';

const started = Date.now();
const demo = resolveDemoMode(loadConfigOrExit());
const config = demo.config;
const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
// As the owner role when MIGRATION_DATABASE_URL is given; the app then runs as a role that owns nothing.
const { handle, applied } = await openMigratedDatabase(databaseUrls(config));
// Identity and phone numbers sealed at rest, the keys read once from config.privacy.keyFile.
const { db } = await protectDatabase(handle.db, config, new Date());
const ctx = { db, databaseKind: handle.kind, config, now: () => new Date() };
const seeded = await seed(ctx, { demo: config.devTools });
const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const app = await buildApp({ ctx, logger: true, webDist });

// Requests being answered, kept on the raw server: what a stop must wait for.
const inFlight = new Set<ServerResponse>();
let stopping = false;
app.server.on('request', (_req, res) => {
  inFlight.add(res);
  res.once('close', () => inFlight.delete(res));
  // Stopping: the answer closes its connection, so a kept-alive client sends nothing more on it
  // (that request would be reset) and the connections end with their answers.
  if (stopping) res.setHeader('connection', 'close');
});

/** Everything is answered and the process gone within this much of the signal. */
const STOP_BUDGET_MS = 4500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  const deadline = started + STOP_BUDGET_MS;
  app.log.info({ signal }, 'stopping');
  for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
  setTimeout(() => {
    app.log.error({ inFlight: inFlight.size }, 'stop took too long');
    process.exit(1);
  }, STOP_BUDGET_MS + 300).unref();
  // 1. No new connections. net.Server's close, not http.Server's: that one also resets every
  //    connection whose request the (busy) event loop has not read yet — requests the client has sent.
  net.Server.prototype.close.call(app.server);
  // 2. Answer what is in flight, including requests still being read off accepted connections.
  await sleep(200);
  while (inFlight.size > 0 && Date.now() < deadline - 2000) await sleep(20);
  // 3. Fastify's own close: closes idle kept-alive connections (503 to a request racing it), onClose hooks.
  await app.close();
  // 4. The job workers: no new polls; a running job gets what is left of the budget. One still
  //    running after that (a drain with a long queue) was marked failed and will run again; closing the
  //    pool under it would make pg-boss's own bookkeeping throw, so the process ends without closing it,
  //    as after a crash, which the outboxes are built to survive.
  const jobBudget = Math.max(1000, deadline - 500 - Date.now());
  const jobsStopping = Date.now();
  await stopWorkers(jobBudget);
  if (Date.now() - jobsStopping >= jobBudget) {
    app.log.warn('a background job was still running at stop; it will run again');
  } else {
    // 5. The pool, last: nothing uses it any more.
    await handle.close();
  }
  releaseLock();
  app.log.info({ ms: Date.now() - started }, 'stopped');
  process.exit(0);
}
function stopOrExit(signal: string) {
  stop(signal).catch((err) => {
    app.log.error({ err }, 'stop failed');
    process.exit(1);
  });
}
process.on('SIGINT', () => stopOrExit('SIGINT'));
process.on('SIGTERM', () => stopOrExit('SIGTERM'));

await app.listen({ port: config.PORT, host: config.HOST });
await startWorkers(ctx, { log: app.log });
const base = `http://localhost:${config.PORT}`;
const banner = [
  '',
  `DVC Quảng Ngãi đang chạy / is running — ${((Date.now() - started) / 1000).toFixed(1)} s`,
  `  Ứng dụng / app:        ${base}/`,
  `  API docs:              ${base}/api/docs`,
  `  OpenAPI:               ${base}/api/openapi.json`,
  `  Health:                ${base}/api/health`,
  `  Database:              ${handle.kind}${handle.kind === 'pglite' ? ` (${config.DATA_DIR})` : ''}`,
  applied.length ? `  Migrations applied:    ${applied.join(', ')}` : '  Migrations:            up to date',
  demo.line,
  ...seeded.lines,
  '',
];
process.stdout.write(`${banner.join('\n')}\n`);
