import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { queueSms } from '../identity/sms-outbox';
import { type ExternalChannels, type OutgoingDelivery, PermanentDeliveryError } from './channels';
import { type NotificationDb, withNotificationTables } from './notifications.tables';
import { planDeliveries } from './recipients';
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
  const plan = await planDeliveries(db, message.provinceCode, message.payload as unknown as DossierMessage);
  if (plan.length === 0) return 0;
  const m = message.payload as unknown as DossierMessage;
  const now = ctx.now();
  const inserted = await withNotificationTables(db)
    .insertInto('notificationDelivery')
    .values(
      plan.map((p) => ({
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
      })),
    )
    .onConflict((oc) => oc.columns(['outboxId', 'channel', 'recipient']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Step 1b. */
export async function markDispatched(db: Kysely<Database>, outboxId: number, at: Date): Promise<void> {
  await withNotificationTables(db).updateTable('outboxMessage').set({ dispatchedAt: at }).where('id', '=', outboxId).execute();
}

/**
 * Step 1: expands undispatched messages, one transaction each (a bad message does not hold up the
 * others). `for update skip locked` lets several workers on a PostgreSQL server share the work; on
 * PGlite the single connection serialises them anyway.
 */
export async function expandOutbox(ctx: AppContext, limit = 100): Promise<number> {
  let done = 0;
  while (done < limit) {
    const expanded = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const row = await withNotificationTables(trx)
          .selectFrom('outboxMessage')
          .select(['id', 'provinceCode', 'topic', 'payload'])
          .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
          .where('dispatchedAt', 'is', null)
          .where('attempts', '<', MAX_EXPAND_ATTEMPTS)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
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
      continue;
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

/** Step 2: sends what is due; returns how many were sent and how many failed this round. */
export async function sendDueDeliveries(ctx: AppContext, channels: ExternalChannels, limit = 100) {
  const claimed = await claimDeliveries(ctx, limit);
  let sent = 0;
  let failed = 0;
  for (const d of claimed) {
    try {
      await sendOne(ctx, channels, d);
      sent++;
    } catch (err) {
      failed++;
      await recordFailure(ctx, d, err);
    }
  }
  return { claimed: claimed.length, sent, failed };
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

/** Both steps until nothing is left that is due now. */
export async function drainOutbox(ctx: AppContext, channels: ExternalChannels) {
  let expanded = 0;
  for (let n = await expandOutbox(ctx); n > 0; n = await expandOutbox(ctx)) expanded += n;
  let sent = 0;
  let failed = 0;
  for (;;) {
    const round = await sendDueDeliveries(ctx, channels);
    sent += round.sent;
    failed += round.failed;
    if (round.claimed < 100) break;
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
