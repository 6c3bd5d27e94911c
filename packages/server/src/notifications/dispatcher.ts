import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { queueSms } from '../identity/sms-outbox';
import { type ExternalChannels, type OutgoingDelivery, PermanentDeliveryError } from './channels';
import { type NotificationDb, withNotificationTables } from './notifications.tables';
import { type PlannedDelivery, planDeliveries, planDeliveriesMany } from './recipients';
import type { DossierMessage } from './templates';

/**
 * The outbox dispatcher, in two idempotent steps that a pg-boss worker runs (jobs/workers.ts):
 *
 * 1. expand: each undispatched outbox message → one notification_delivery row per channel and
 *    recipient (insert … on conflict do nothing on (outbox_id, channel, recipient)), then the message
 *    is marked dispatched, all in one transaction. A crash before the commit leaves the message
 *    undispatched; re-expanding it adds nothing that already exists.
 * 2. send: each pending delivery is claimed (attempts + 1, a lease on next_attempt_at), sent, and
 *    marked sent. The delivery row exists *before* anything is sent.
 *
 * Delivery guarantees, per channel:
 * - in_app and sms are rows of this database: the "send" (insert into notification / sms_outbox) and
 *   "mark sent" commit in one transaction, guarded by `status = 'pending'`: exactly once.
 * - email and web_push leave the database: a crash after the remote side accepted the message and
 *   before "mark sent" committed makes the lease expire and the message go out again. That window is
 *   the at-least-once boundary, and it cannot be closed from here. It is narrowed: the .eml file and
 *   the Message-ID are named after the delivery id (a resend overwrites / is recognisable), and the
 *   push `topic` is the delivery id (the push service replaces a pending duplicate).
 */

export const MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 3_600_000;
/** A claimed delivery is retried after this if its sender died mid-send. */
const LEASE_MS = 5 * 60_000;
/** A message whose expansion keeps failing stops being retried (it stays listed with its error). */
const MAX_EXPAND_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min, 4 min… capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

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
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }));
  });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const r = await withNotificationTables(db)
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
  await withNotificationTables(db).updateTable('outboxMessage').set({ dispatchedAt: at }).where('id', '=', outboxId).execute();
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
    await withNotificationTables(trx)
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
  return withNotificationTables(db)
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
      await withNotificationTables(ctx.db)
        .updateTable('outboxMessage')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: errorText(expanded.error) }))
        .where('id', '=', expanded.failed)
        .execute();
    }
    done++;
  }
  return done;
}

interface ClaimedDelivery extends OutgoingDelivery {
  channel: 'in_app' | 'web_push' | 'email' | 'sms';
  attempts: number;
  provinceCode: string;
}

/** Claims due pending deliveries: counts the attempt and leases them to this worker. */
async function claimDeliveries(ctx: AppContext, limit: number): Promise<ClaimedDelivery[]> {
  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const result = await sql<ClaimedDelivery>`
    update notification_delivery d
       set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}
     where d.id in (select id from notification_delivery
                     where province_code = ${ctx.config.PROVINCE_CODE} and status = 'pending' and next_attempt_at <= ${now}
                     order by id limit ${limit} for update skip locked)
    returning d.id, d.province_code, d.channel, d.recipient, d.user_id, d.dossier_code, d.title, d.body, d.attempts`.execute(
    ctx.db,
  );
  return result.rows.sort((a, b) => a.id - b.id);
}

/** Deliveries claimed and sent per round; the in-app and SMS ones of a round commit together. */
export const SEND_SLICE = 500;

/** Step 2: sends what is due; returns how many were sent and how many failed this round. */
export async function sendDueDeliveries(ctx: AppContext, channels: ExternalChannels, limit = SEND_SLICE) {
  const claimed = await claimDeliveries(ctx, limit);
  let sent = 0;
  let failed = 0;
  const internal = claimed.filter((d) => d.channel === 'in_app' || d.channel === 'sms');
  const external = claimed.filter((d) => d.channel !== 'in_app' && d.channel !== 'sms');
  const one = async (d: ClaimedDelivery) => {
    try {
      await sendOne(ctx, channels, d);
      sent++;
    } catch (err) {
      failed++;
      await recordFailure(ctx, d, err);
    }
  };
  if (internal.length > 0) {
    try {
      await sendInternal(ctx, internal);
      sent += internal.length;
    } catch {
      // One bad row must not hold up the others: the round is tried again one delivery at a time.
      for (const d of internal) await one(d);
    }
  }
  for (const d of external) await one(d);
  return { claimed: claimed.length, sent, failed };
}

/**
 * In-app notices and SMS rows of many deliveries in one transaction: each is marked sent and its
 * row written together, guarded by `status = 'pending'` (exactly once, as sendOne).
 */
async function sendInternal(ctx: AppContext, deliveries: ClaimedDelivery[]): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const marked = await withNotificationTables(trx)
      .updateTable('notificationDelivery')
      .set({ status: 'sent', sentAt: now, lastError: null })
      .where(
        'id',
        'in',
        deliveries.map((d) => d.id),
      )
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
    const ids = new Set(marked.map((m) => m.id));
    const fresh = deliveries.filter((d) => ids.has(d.id));
    const notices = fresh.filter((d) => d.channel === 'in_app');
    const sms = fresh.filter((d) => d.channel === 'sms');
    if (notices.length > 0)
      await withNotificationTables(trx)
        .insertInto('notification')
        .values(
          notices.map((d) => ({
            provinceCode: d.provinceCode,
            userId: d.recipient,
            dossierCode: d.dossierCode,
            title: d.title,
            body: d.body,
            createdAt: now,
            readAt: null,
            deliveryId: d.id,
          })),
        )
        .onConflict((oc) => oc.column('deliveryId').doNothing())
        .execute();
    // The rows queueSms writes (identity/sms-outbox.ts), many at once.
    if (sms.length > 0)
      await trx
        .insertInto('smsOutbox')
        .values(
          sms.map((d) => ({
            provinceCode: ctx.config.PROVINCE_CODE,
            phone: d.recipient,
            body: d.body,
            createdAt: now,
            sentAt: null,
          })),
        )
        .execute();
  });
}

async function sendOne(ctx: AppContext, channels: ExternalChannels, d: ClaimedDelivery): Promise<void> {
  if (d.channel === 'in_app' || d.channel === 'sms') {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markSent(withNotificationTables(trx), d.id, ctx.now()))) return;
      if (d.channel === 'sms') return queueSms(trx, ctx, d.recipient, d.body);
      await withNotificationTables(trx)
        .insertInto('notification')
        .values({
          provinceCode: d.provinceCode,
          userId: d.recipient,
          dossierCode: d.dossierCode,
          title: d.title,
          body: d.body,
          createdAt: ctx.now(),
          readAt: null,
          deliveryId: d.id,
        })
        .onConflict((oc) => oc.column('deliveryId').doNothing())
        .execute();
    });
    return;
  }
  // External: send first, then mark sent (see the at-least-once note at the top of this file).
  await (d.channel === 'email' ? channels.email(d) : channels.webPush(d));
  await markSent(withNotificationTables(ctx.db), d.id, ctx.now());
}

async function markSent(db: NotificationDb, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('notificationDelivery')
    .set({ status: 'sent', sentAt: at, lastError: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

async function recordFailure(ctx: AppContext, d: ClaimedDelivery, err: unknown): Promise<void> {
  const final = err instanceof PermanentDeliveryError || d.attempts >= MAX_ATTEMPTS;
  const now = ctx.now();
  await withNotificationTables(ctx.db)
    .updateTable('notificationDelivery')
    .set({
      status: final ? 'failed' : 'pending',
      lastError: errorText(err),
      nextAttemptAt: final ? now : new Date(now.getTime() + backoffMs(d.attempts)),
    })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .execute();
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}

/**
 * Both steps until nothing is left that is due now, a slice of each in turn: under steady load new
 * messages keep arriving, and sending must not wait until expanding has caught up (a notice then
 * reaches its reader within seconds, not after the load stops). Each slice is one short transaction
 * or statement, so on the embedded database requests get the connection in between
 * (db/pglite-dialect.ts).
 */
export async function drainOutbox(ctx: AppContext, channels: ExternalChannels) {
  let expanded = 0;
  let sent = 0;
  let failed = 0;
  for (;;) {
    const n = await expandOutbox(ctx, EXPAND_SLICE);
    expanded += n;
    const round = await sendDueDeliveries(ctx, channels);
    sent += round.sent;
    failed += round.failed;
    if (n === 0 && round.claimed < SEND_SLICE) break;
  }
  return { expanded, sent, failed };
}

/** Cheap check the workers poll with before queueing a drain job. */
export async function hasDueWork(ctx: AppContext): Promise<boolean> {
  const now = ctx.now();
  const r = await sql<{ due: boolean }>`
    select exists (select 1 from outbox_message where province_code = ${ctx.config.PROVINCE_CODE}
                     and dispatched_at is null and attempts < ${MAX_EXPAND_ATTEMPTS})
        or exists (select 1 from notification_delivery where province_code = ${ctx.config.PROVINCE_CODE}
                     and status = 'pending' and next_attempt_at <= ${now}) as due`.execute(ctx.db);
  return r.rows[0]?.due === true;
}
