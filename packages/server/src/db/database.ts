import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, type KyselyConfig, type KyselyPlugin, PostgresDialect } from 'kysely';
import pg from 'pg';
import { attachNotices, PgliteNotices, PostgresNotices } from './notices';
import { PGliteDialect } from './pglite-dialect';

export { inBackground } from './pglite-dialect';

import type { Database } from './schema';

export type DatabaseKind = 'pglite' | 'postgresql';
export type Db = Kysely<Database>;

/** The driver under a Db, for what Kysely does not do (COPY FROM STDIN of the history import). */
export type RawDriver = { kind: 'postgresql'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
const rawDrivers = new WeakMap<Db, RawDriver>();
export const rawDriverOf = (db: Db): RawDriver | undefined => rawDrivers.get(db);

/** `db` with one more plugin after its own (privacy's protection of personal fields), on the same driver. */
export function withDbPlugin(db: Db, plugin: KyselyPlugin): Db {
  const out = db.withPlugin(plugin);
  const driver = rawDrivers.get(db);
  if (driver) rawDrivers.set(out, driver);
  return out;
}

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** Flushes and closes; on PGlite runs CHECKPOINT first so the data directory is clean. */
  close(): Promise<void>;
}

export interface PgliteHandle extends DatabaseHandle {
  /** The whole data directory as a tarball, for `openPglite(undefined, { loadDataDir })`. */
  dumpDataDir(): Promise<Blob>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// The same values on both engines: counts as numbers, dates as 'YYYY-MM-DD' strings.
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => v,
  [DATE]: (v: string) => v,
};

/** `log`: Kysely's query log (the benches time statements with it). */
export async function openPostgres(url: string, log?: KyselyConfig['log']): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  // An idle client that loses its connection (server restart, failover, a test dropping its
  // database) emits 'error' on the pool; unhandled, that would crash the process. The pool replaces
  // the client on next use, and queries in flight still fail through their own promise.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()], log });
  rawDrivers.set(db, { kind: 'postgresql', pool });
  const stopNotices = attachNotices(db, new PostgresNotices(url));
  return {
    db,
    kind: 'postgresql',
    async close() {
      await stopNotices();
      await db.destroy();
    },
  };
}

/**
 * dataDir undefined → in memory (tests). `loadDataDir`: start from a dump of another instance's data
 * directory (PGlite's `dumpDataDir`) instead of an empty cluster — the tests' migrated template.
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: dataDir ? join(dataDir, 'pglite') : undefined,
    parsers: pgliteParsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCasePlugin()] });
  rawDrivers.set(db, { kind: 'pglite', pglite });
  const stopNotices = attachNotices(db, new PgliteNotices(pglite, () => db));
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('none'),
    async close() {
      await stopNotices();
      await db.destroy();
      if (dataDir) await pglite.exec('checkpoint');
      await pglite.close();
    },
  };
}
