import { type Kysely, type OperationNodeSource, sql } from 'kysely';

/**
 * Runs independent INSERTs as one statement (PostgreSQL data-modifying WITH clauses): one round trip
 * instead of one each, and all or nothing like any statement. Each insert is built by the capability
 * that owns its table; none may read what another inserts.
 */
export async function insertTogether<DB>(db: Kysely<DB>, inserts: Array<OperationNodeSource | undefined>): Promise<void> {
  const parts = inserts.filter((q): q is OperationNodeSource => q !== undefined);
  if (parts.length === 0) return;
  const clauses = sql.join(parts.map((q, i) => sql`${sql.raw(`w${i}`)} as (${q})`));
  await sql`with ${clauses} select 1`.execute(db);
}
