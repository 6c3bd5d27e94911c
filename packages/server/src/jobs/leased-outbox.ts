import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * What the outboxes that leave the database (notification deliveries, portal-sync messages) share:
 * a row is `pending` with `attempts` and `next_attempt_at`; a sender claims due rows (counts the
 * attempt, takes a lease), sends them without holding a transaction, then marks each sent, or
 * pending again after a backoff, or failed after its last attempt.
 */

/** A claimed row is retried after this if its sender died mid-send. */
export const LEASE_MS = 5 * 60_000;

/**
 * The wait after a failed attempt, doubling from `baseMs` up to `maxMs`: by default 30 s, 1 min,
 * 2 min, 4 min… capped at one hour (the SMS gateway passes its own settings).
 */
export function retryBackoffMs(attempts: number, { baseMs = 30_000, maxMs = 3_600_000 } = {}): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
}

export interface LeaseClaim {
  /** The outbox table (snake_case). */
  table: string;
  provinceCode: string;
  now: Date;
  limit: number;
  /** Columns returned for each claimed row (snake_case; the rows come back camelCased). */
  returning: string[];
  /** A further condition on the candidate row, aliased `due` (e.g. "its dossier's earlier messages are sent"). */
  where?: RawBuilder<unknown>;
}

/**
 * Claims due pending rows: attempts + 1 and a lease on next_attempt_at, in one statement.
 * `for update skip locked` lets senders on several servers share the work. Rows come in id order.
 */
export async function claimLeased<Row>(db: Db, claim: LeaseClaim): Promise<Row[]> {
  const table = sql.table(claim.table);
  const leaseUntil = new Date(claim.now.getTime() + LEASE_MS);
  const result = await sql<Row & { id: number }>`
    update ${table} m
       set attempts = m.attempts + 1, next_attempt_at = ${leaseUntil}
     where m.id in (
       select due.id from ${table} due
        where due.province_code = ${claim.provinceCode} and due.status = 'pending' and due.next_attempt_at <= ${claim.now}
          ${claim.where ? sql`and ${claim.where}` : sql``}
        order by due.id limit ${claim.limit} for update skip locked)
    returning ${sql.join(claim.returning.map((c) => sql.ref(`m.${c}`)))}`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

/**
 * The columns of a row whose attempt failed: pending again after the backoff, or failed for good
 * (now) after its last attempt or a permanent refusal.
 */
export function failedAttempt(attempts: number, options: { final: boolean; now: Date; error: unknown }) {
  return {
    status: options.final ? ('failed' as const) : ('pending' as const),
    lastError: errorText(options.error),
    nextAttemptAt: options.final ? options.now : new Date(options.now.getTime() + retryBackoffMs(attempts)),
  };
}

/** An error as stored in a `last_error` column. */
export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}
