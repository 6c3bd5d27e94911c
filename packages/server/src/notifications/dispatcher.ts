import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { claimLeased, errorText, failedAttempt, retryBackoffMs } from '../jobs/index';
import { type ExternalChannels, type OutgoingDelivery, PermanentDeliveryError } from './channels';
import { EXPAND_SLICE, expandOutbox, MAX_EXPAND_ATTEMPTS } from './expand';
import type { DeliveryChannel } from './notifications.tables';
import { smsText } from './recipients';
import { wakeSmsGateway } from './smpp-channel';
import { NOTICE_PRIORITY } from './sms-store';

export { EXPAND_SLICE, expandOutbox, markDispatched, type OutboxRow, recordDeliveries } from './expand';

/**
 * The outbox dispatcher, in two idempotent steps that its job runs (notifications.jobs.ts):
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

/** 30 s, 1 min, 2 min, 4 min… capped at one hour: the outboxes' one backoff (jobs/leased-outbox.ts). */
export const backoffMs = retryBackoffMs;

interface ClaimedDelivery extends OutgoingDelivery {
  channel: DeliveryChannel;
  attempts: number;
  provinceCode: string;
}

/** Claims due pending deliveries: counts the attempt and leases them to this worker. */
function claimDeliveries(ctx: AppContext, limit: number): Promise<ClaimedDelivery[]> {
  return claimLeased<ClaimedDelivery>(ctx.db, {
    table: 'notification_delivery',
    provinceCode: ctx.config.PROVINCE_CODE,
    now: ctx.now(),
    limit,
    returning: [
      'id',
      'province_code',
      'channel',
      'recipient',
      'user_id',
      'dossier_code',
      'title',
      'body',
      'language',
      'attempts',
    ],
  });
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
    const marked = await trx
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
      await trx
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
    if (sms.length > 0) await insertSms(trx, ctx, sms);
  });
  if (deliveries.some((d) => d.channel === 'sms')) wakeSmsGateway();
}

/**
 * The rows queueSms writes (identity/sms-outbox.ts), many at once, behind one-time codes
 * (NOTICE_PRIORITY): the SMS gateway (smpp-channel.ts) sends them.
 */
function insertSms(trx: Kysely<Database>, ctx: AppContext, sms: ClaimedDelivery[]) {
  const now = ctx.now();
  return trx
    .insertInto('smsOutbox')
    .values(
      sms.map((d) => ({
        provinceCode: ctx.config.PROVINCE_CODE,
        phone: d.recipient,
        body: d.body,
        createdAt: now,
        sentAt: null,
        priority: NOTICE_PRIORITY,
      })),
    )
    .execute();
}

async function sendOne(ctx: AppContext, channels: ExternalChannels, d: ClaimedDelivery): Promise<void> {
  if (d.channel === 'in_app' || d.channel === 'sms') {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markSent(trx, d.id, ctx.now()))) return;
      if (d.channel === 'sms') return void (await insertSms(trx, ctx, [d]));
      await trx
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
    if (d.channel === 'sms') wakeSmsGateway();
    return;
  }
  // External: send first, then mark sent (see the at-least-once note at the top of this file).
  await (d.channel === 'email' ? channels.email(d) : d.channel === 'zns' ? channels.zns(d) : channels.webPush(d));
  await markSent(ctx.db, d.id, ctx.now());
}

async function markSent(db: Db, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('notificationDelivery')
    .set({ status: 'sent', sentAt: at, lastError: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

async function recordFailure(ctx: AppContext, d: ClaimedDelivery, err: unknown): Promise<void> {
  if (d.channel === 'zns') return fallBackToSms(ctx, d, err);
  const final = err instanceof PermanentDeliveryError || d.attempts >= MAX_ATTEMPTS;
  await ctx.db
    .updateTable('notificationDelivery')
    .set(failedAttempt(d.attempts, { final, now: ctx.now(), error: err }))
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .execute();
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

/** The drain job's due check (notifications.jobs.ts): cheap, polled every second. */
export async function hasDueWork(ctx: AppContext): Promise<boolean> {
  const now = ctx.now();
  const r = await sql<{ due: boolean }>`
    select exists (select 1 from outbox_message where province_code = ${ctx.config.PROVINCE_CODE}
                     and dispatched_at is null and attempts < ${MAX_EXPAND_ATTEMPTS})
        or exists (select 1 from notification_delivery where province_code = ${ctx.config.PROVINCE_CODE}
                     and status = 'pending' and next_attempt_at <= ${now}) as due`.execute(ctx.db);
  return r.rows[0]?.due === true;
}

/**
 * A ZNS message that failed (no Zalo account, a bad token, Zalo down) is not retried on Zalo: the
 * notice goes out as an SMS at once. The ZNS delivery is marked failed and an SMS delivery, sent,
 * is written with its sms_outbox row in the same transaction, guarded by the ZNS delivery still
 * being pending: one SMS however often this runs.
 */
async function fallBackToSms(ctx: AppContext, d: ClaimedDelivery, err: unknown): Promise<void> {
  const now = ctx.now();
  const fellBack = await ctx.db.transaction().execute(async (trx) => {
    const failed = await trx
      .updateTable('notificationDelivery')
      .set({ status: 'failed', lastError: `${errorText(err)} — đã gửi SMS thay thế`, nextAttemptAt: now })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .returning('outboxId')
      .executeTakeFirst();
    if (!failed) return false;
    const sms = { ...d, channel: 'sms' as const, body: smsText(d).body };
    const inserted = await trx
      .insertInto('notificationDelivery')
      .values({
        provinceCode: d.provinceCode,
        outboxId: failed.outboxId,
        channel: 'sms',
        recipient: d.recipient,
        userId: d.userId,
        dossierCode: d.dossierCode,
        title: d.title,
        body: sms.body,
        language: d.language ?? 'vi',
        status: 'sent',
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: now,
      })
      .onConflict((oc) => oc.columns(['outboxId', 'channel', 'recipient']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) await insertSms(trx, ctx, [sms]);
    return Boolean(inserted);
  });
  if (fellBack) wakeSmsGateway();
}
