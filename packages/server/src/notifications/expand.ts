import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { errorText } from '../jobs/index';
import { type PlannedDelivery, planDeliveries, planDeliveriesMany } from './recipients';
import type { DossierMessage } from './templates';

/** Step 1 of the dispatcher (dispatcher.ts): outbox messages → notification_delivery rows. */

/** A message whose expansion keeps failing stops being retried (it stays listed with its error). */
export const MAX_EXPAND_ATTEMPTS = 10;

export interface OutboxRow {
  id: number;
  provinceCode: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** Step 1a: writes the deliveries of one message (safe to repeat). Returns how many are new. */
export async function recordDeliveries(db: Kysely<Database>, ctx: AppContext, message: OutboxRow): Promise<number> {
  const plan = await planDeliveries(
    db,
    message.provinceCode,
    message.payload as unknown as DossierMessage,
    ctx.config.PUBLIC_URL,
  );
  return insertDeliveries(db, ctx, [{ message, plan }]);
}

/** Rows of one statement at most: about 12 parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 2000;

async function insertDeliveries(
  db: Kysely<Database>,
  ctx: AppContext,
  planned: Array<{ message: OutboxRow; plan: PlannedDelivery[] }>,
): Promise<number> {
  const now = ctx.now();
  const rows = planned.flatMap(({ message, plan }) => {
    const m = message.payload as unknown as DossierMessage;
    return plan.map((p) => ({
      provinceCode: message.provinceCode,
      outboxId: message.id,
      channel: p.channel,
      recipient: p.recipient,
      userId: p.userId,
      dossierCode: m.code ?? null,
      title: p.title,
      body: p.body,
      language: p.language ?? 'vi',
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }));
  });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const r = await db
      .insertInto('notificationDelivery')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.columns(['outboxId', 'channel', 'recipient']).doNothing())
      .returning('id')
      .execute();
    inserted += r.length;
  }
  return inserted;
}

/** Step 1b. */
export async function markDispatched(db: Kysely<Database>, outboxId: number, at: Date): Promise<void> {
  await db.updateTable('outboxMessage').set({ dispatchedAt: at }).where('id', '=', outboxId).execute();
}

/**
 * Messages expanded in one transaction. On the embedded database a slice holds the single
 * connection while it runs, so it must stay short (requests wait behind it); on both engines a slice
 * is a handful of statements however many messages it takes.
 */
export const EXPAND_SLICE = 200;

/**
 * Step 1: expands undispatched messages, a slice per transaction. `for update skip locked` lets
 * several workers on a PostgreSQL server share the work; on PGlite the single connection serialises
 * them anyway. A slice that fails is expanded again one message per transaction, so that a bad
 * message does not hold up the others and stops after MAX_EXPAND_ATTEMPTS.
 */
export async function expandOutbox(ctx: AppContext, limit = 1000): Promise<number> {
  let done = 0;
  while (done < limit) {
    const take = Math.min(EXPAND_SLICE, limit - done);
    const n = await expandSlice(ctx, take).catch(() => expandOneByOne(ctx, take));
    if (n === 0) break;
    done += n;
  }
  return done;
}

async function expandSlice(ctx: AppContext, take: number): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await undispatched(trx, ctx, take);
    if (rows.length === 0) return 0;
    const plans = await planDeliveriesMany(
      trx,
      ctx.config.PROVINCE_CODE,
      rows.map((r) => r.payload as unknown as DossierMessage),
      ctx.config.PUBLIC_URL,
    );
    await insertDeliveries(
      trx,
      ctx,
      rows.map((message, i) => ({ message, plan: plans[i] ?? [] })),
    );
    await trx
      .updateTable('outboxMessage')
      .set({ dispatchedAt: ctx.now() })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.length;
  });
}

function undispatched(db: Kysely<Database>, ctx: AppContext, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outboxMessage')
    .select(['id', 'provinceCode', 'topic', 'payload'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('dispatchedAt', 'is', null)
    .where('attempts', '<', MAX_EXPAND_ATTEMPTS)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

async function expandOneByOne(ctx: AppContext, limit: number): Promise<number> {
  let done = 0;
  while (done < limit) {
    const expanded = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const [row] = await undispatched(trx, ctx, 1);
        if (!row) return undefined;
        try {
          await recordDeliveries(trx, ctx, row);
        } catch (err) {
          return { failed: row.id, error: err };
        }
        await markDispatched(trx, row.id, ctx.now());
        return { id: row.id };
      })
      .catch((error: unknown) => ({ failed: undefined, error }));
    if (!expanded) break;
    if ('failed' in expanded) {
      // The transaction of a failed expansion is rolled back (PostgreSQL aborts it anyway); the
      // failure is counted outside it so that a poison message stops after MAX_EXPAND_ATTEMPTS.
      if (expanded.failed === undefined) throw expanded.error;
      await ctx.db
        .updateTable('outboxMessage')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: errorText(expanded.error) }))
        .where('id', '=', expanded.failed)
        .execute();
    }
    done++;
  }
  return done;
}
