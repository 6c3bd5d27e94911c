import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db } from './database';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed number: servers starting together queue on it. */
const MIGRATION_LOCK = 514_2025;

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies the pending migrations in one transaction under an advisory lock, so that two servers
 * starting together apply each one exactly once; a failing migration leaves nothing behind.
 * Returns the ids it applied.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migration (
      id text primary key,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await sql<{ id: string }>`select id from schema_migration`.execute(trx);
    const applied = new Set(done.rows.map((r) => r.id));
    const ran: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migration (id) values (${m.id})`.execute(trx);
      ran.push(m.id);
    }
    return ran;
  });
}

/** pg-boss's schema name, as in jobs/runner.ts (JOB_QUEUE_SCHEMA). */
const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * After migrating as the owner role (MIGRATION_DATABASE_URL): installs the job queue's tables, which
 * the app role could not create, and grants the app role what it may do (migration 020: DML on the
 * app's tables, INSERT and SELECT only on the append-only ones, nothing it could ALTER or TRUNCATE,
 * also for tables created later). Idempotent; servers starting together queue on the migration lock.
 */
export async function grantAppRole(db: Db, appRole: string): Promise<void> {
  // One connection throughout, holding the migration lock while pg-boss installs: its own lock,
  // taken inside its install script, does not stop a second server's script from failing on the
  // schema the first has just created (and leaving that connection's transaction aborted).
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    const boss = new PgBoss({
      db: {
        async executeSql(text: string, values: unknown[] = []) {
          const r = await conn.executeQuery(CompiledQuery.raw(text, values));
          return { rows: r.rows as unknown[] };
        },
      },
      schema: JOB_QUEUE_SCHEMA,
      supervise: false,
      schedule: false,
    });
    boss.on('error', (err) => console.error('[migrate] job queue', err.message));
    try {
      await boss.start();
      await boss.stop({ graceful: false, close: false });
    } finally {
      await sql`rollback`.execute(conn);
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`select grant_app_role(${appRole})`.execute(trx);
  });
}
