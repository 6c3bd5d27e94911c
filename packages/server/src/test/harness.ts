import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database';
import { migrate } from '../db/migrate';
import { seed } from '../db/seed/index';
import type { AppContext } from '../http/context';

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite();
    await migrate(handle.db);
    return handle;
  }
  const name = `dvc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrate(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Move the clock used by the app. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/** An app on a fresh database with reference data (and demo accounts unless demo: false). */
export async function createTestApp(
  options: { demo?: boolean; history?: boolean; now?: Date; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase();
  let now = options.now ?? new Date();
  // Files (uploads, generated PDFs, e-mails) go to a folder of this test's own, removed at the end.
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-test-'));
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DVC_DEMO: '1' }),
    ...options.config,
  };
  const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => now };
  // The demo history (2,700 dossiers) only where a test asks for it: it slows every file down.
  await seed(ctx, { demo: options.demo ?? true, history: options.history ?? false });
  const app = await buildApp({ ctx });
  await app.ready();
  return {
    app,
    ctx,
    setNow(date) {
      now = date;
    },
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
