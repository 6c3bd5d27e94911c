// First, so that console.error is guarded before any module binds it (pglite does).
import './console-guard';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type DatabaseHandle, type Db, openPglite, openPostgres } from '../db/database';
import { listMigrations, migrate } from '../db/migrate';
import { openMigratedDatabase } from '../db/open';
import type { AppContext } from '../http/context';
import { protectDatabase } from '../privacy';
import { seed } from '../seed';
import { assertNoUnexpectedConsoleError } from './console-guard';

export interface EmptyTestDatabase {
  /** The app's URL (TEST_DATABASE_URL's role) on the new database. */
  databaseUrl: string;
  /** The owner's URL (TEST_MIGRATION_DATABASE_URL's role) on it, when CI runs with two roles. */
  migrationUrl: string | undefined;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server of TEST_DATABASE_URL, created by (so owned by) the
 * role of TEST_MIGRATION_DATABASE_URL when that is given: CI's PostgreSQL pass migrates as an owner
 * role and runs the app as a role that owns nothing, like production (decision 008).
 */
export async function createEmptyTestDatabase(
  serverUrl: string,
  prefix = 'dvc_test',
  options: { template?: string } = {},
): Promise<EmptyTestDatabase> {
  const ownerServerUrl = process.env.TEST_MIGRATION_DATABASE_URL;
  const adminUrl = ownerServerUrl ?? serverUrl;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await whileInUse(() => admin.query(`create database ${name}${options.template ? ` template ${options.template}` : ''}`));
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: onDatabase(serverUrl, name),
    migrationUrl: ownerServerUrl ? onDatabase(ownerServerUrl, name) : undefined,
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        // An owner role may not end the app role's sessions: wait for a stopped server's to go.
        for (let attempt = 1; ; attempt++) {
          try {
            await a.query(`drop database if exists ${name} with (force)`);
            return;
          } catch (err) {
            if (attempt >= 50 || (err as { code?: string }).code !== '42501') throw err;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * Most of a fresh PGlite's cost is its initdb (~3 s of CPU): the tests start each in-memory database
 * from a dump of one migrated the same way (db/migrate.ts), made once per set of migrations and kept
 * in the temp dir for the other test processes. `migrate` still runs on each copy (it then finds
 * nothing to apply), so a copy is never behind the migrations.
 */
let template: Promise<Blob> | undefined;

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.id).update('\0').update(m.sql).update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function migratedTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `dvc-pglite-migrated-${migrationsFingerprint()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const fresh = await openPglite();
  try {
    await migrate(fresh.db);
    const dump = await fresh.dumpDataDir();
    // Written aside and renamed: a process reading it never sees half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await fresh.close();
  }
}

async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
  template ??= migratedTemplate().catch((err) => {
    template = undefined;
    throw err;
  });
  const handle = await openPglite(undefined, { loadDataDir: await template });
  try {
    await migrate(handle.db);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Runs `work` again while a database it needs is still held by a session that is going away. */
async function whileInUse<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= 50 || (err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function onDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The same on PostgreSQL: each test database is a copy (CREATE DATABASE … TEMPLATE) of one migrated
 * once per set of migrations on that server, built under an advisory lock by the first test process
 * and renamed into place only when complete. Each copy is still migrated (nothing to apply) and its
 * grants given again, as the server would on start.
 */
async function postgresTemplate(serverUrl: string): Promise<string> {
  const ownerServerUrl = process.env.TEST_MIGRATION_DATABASE_URL;
  const adminUrl = ownerServerUrl ?? serverUrl;
  const name = `dvc_template_${migrationsFingerprint()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${building}`);
      const { handle } = await openMigratedDatabase({
        databaseUrl: onDatabase(serverUrl, building),
        migrationUrl: ownerServerUrl ? onDatabase(ownerServerUrl, building) : undefined,
      });
      await handle.close();
      await whileInUse(() => admin.query(`alter database ${building} rename to ${name}`));
    }
    return name;
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite both ways), migrated the way the
 * server migrates (db/open.ts), as TEST_MIGRATION_DATABASE_URL's role when that is given.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { ownerUrl?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openPgliteFromTemplate();
  const empty = await createEmptyTestDatabase(serverUrl, 'dvc_test', { template: await postgresTemplate(serverUrl) });
  const { handle } = await openMigratedDatabase(empty);
  return {
    ...handle,
    ownerUrl: empty.migrationUrl,
    async close() {
      await handle.close();
      await empty.drop();
    },
  };
}

export { allowConsoleError } from './console-guard';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Move the clock used by the app. */
  setNow(date: Date): void;
  /**
   * Runs `work` as the database's owner: DDL a test needs to stage a failure (a trigger, a check)
   * is refused to the app role when CI runs with two roles (docs/decisions/008).
   */
  asOwner<T>(work: (db: Db) => Promise<T>): Promise<T>;
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
  // Identity and phone numbers sealed at rest, under a key file of this test's own (in dataDir).
  const { db } = await protectDatabase(handle.db, config, now);
  const ctx: AppContext = { db, databaseKind: handle.kind, config, now: () => now };
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
    async asOwner(work) {
      if (!handle.ownerUrl) return work(handle.db);
      const owner = await openPostgres(handle.ownerUrl);
      try {
        return await work(owner.db);
      } finally {
        await owner.close();
      }
    },
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
      assertNoUnexpectedConsoleError();
    },
  };
}
