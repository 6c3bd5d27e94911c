import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
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
