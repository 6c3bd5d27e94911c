import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig } from './config';
import { lockDataDir } from './db/data-dir-lock';
import { databaseUrls, openMigratedDatabase } from './db/open';
import { seed } from './db/seed/index';
import { startWorkers, stopWorkers } from './jobs/workers';
import { type PortalSyncWorker, startPortalSyncWorker } from './portal-sync/portal-sync.job';

const started = Date.now();
const config = loadConfig();
const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
// As the owner role when MIGRATION_DATABASE_URL is given; the app then runs as a role that owns nothing.
const { handle, applied } = await openMigratedDatabase(databaseUrls(config));
const ctx = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
const seeded = await seed(ctx, { demo: config.NODE_ENV !== 'production' });
const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const app = await buildApp({ ctx, logger: true, webDist });

let portalSync: PortalSyncWorker | undefined;
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'stopping');
  await app.close();
  await portalSync?.stop();
  await stopWorkers();
  await handle.close();
  releaseLock();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port: config.PORT, host: config.HOST });
portalSync = await startPortalSyncWorker(await startWorkers(ctx), ctx);
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
  ...seeded.lines,
  '',
];
process.stdout.write(`${banner.join('\n')}\n`);
