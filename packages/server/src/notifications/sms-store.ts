import { sql } from 'kysely';
import type { AppContext } from '../http/context';

/** The SMS gateway's reads and writes on sms_outbox and sms_part (046_track-sms-delivery.sql). */

export interface ClaimedSms {
  id: number;
  phone: string;
  body: string;
  priority: number;
  attempts: number;
}

/** Priority of the dispatcher's dossier notices; one-time codes keep the column's default, 0. */
export const NOTICE_PRIORITY = 1;

/**
 * Claims due pending messages, codes first and then oldest first: counts the attempt and leases
 * them to this gateway for `leaseMs` (a gateway that dies mid-send leaves them to be taken again).
 */
export async function claimDueSms(ctx: AppContext, limit: number, leaseMs: number): Promise<ClaimedSms[]> {
  const now = ctx.now();
  const r = await sql<ClaimedSms>`
    update sms_outbox o set attempts = o.attempts + 1, next_attempt_at = ${new Date(now.getTime() + leaseMs)}
     where o.id in (select id from sms_outbox
                     where province_code = ${ctx.config.PROVINCE_CODE} and status = 'pending'
                       and (next_attempt_at is null or next_attempt_at <= ${now})
                     order by priority, id limit ${limit} for update skip locked)
    returning o.id, o.phone, o.body, o.priority, o.attempts`.execute(ctx.db);
  return r.rows.sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/** Sequence numbers of the parts of a message the SMSC already accepted (a retry skips them). */
export async function acceptedParts(ctx: AppContext, smsId: number): Promise<Set<number>> {
  const rows = await ctx.db
    .selectFrom('smsPart')
    .select('seq')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('smsId', '=', smsId)
    .execute();
  return new Set(rows.map((r) => r.seq));
}

export async function recordPart(
  ctx: AppContext,
  part: { smsId: number; seq: number; parts: number; messageId: string },
): Promise<void> {
  await ctx.db
    .insertInto('smsPart')
    .values({ provinceCode: ctx.config.PROVINCE_CODE, ...part, submittedAt: ctx.now(), doneAt: null })
    .onConflict((oc) => oc.columns(['smsId', 'seq']).doNothing())
    .execute();
}

/** Every part accepted: 'sent', then settled at once in case the receipts came first. */
export async function markSmsSent(ctx: AppContext, smsId: number): Promise<void> {
  await sql`update sms_outbox set status = 'sent', sent_at = ${ctx.now()}, last_error = null
             where id = ${smsId} and province_code = ${ctx.config.PROVINCE_CODE} and status = 'pending'`.execute(ctx.db);
  await settleSms(ctx, smsId);
}

/** A refused or failed attempt: retried at `retryAt`, or failed for good when `retryAt` is undefined. */
export async function recordSmsFailure(ctx: AppContext, smsId: number, error: string, retryAt: Date | undefined) {
  await sql`update sms_outbox
               set status = ${retryAt ? 'pending' : 'failed'}, next_attempt_at = ${retryAt ?? null}, last_error = ${error.slice(0, 1000)}
             where id = ${smsId} and province_code = ${ctx.config.PROVINCE_CODE} and status = 'pending'`.execute(ctx.db);
}

/**
 * A delivery receipt: its part is delivered or failed, and the message with it once every part
 * is delivered or any failed. Returns false when no accepted part has this id (yet).
 */
export async function recordReceipt(ctx: AppContext, messageId: string, delivered: boolean): Promise<boolean> {
  const parts = await ctx.db
    .updateTable('smsPart')
    .set({ state: delivered ? 'delivered' : 'failed', doneAt: ctx.now() })
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('messageId', '=', messageId)
    .returning('smsId')
    .execute();
  for (const p of parts) await settleSms(ctx, p.smsId);
  return parts.length > 0;
}

async function settleSms(ctx: AppContext, smsId: number): Promise<void> {
  await sql`
    with tally as (
      select max(parts) as parts, count(*) filter (where state = 'delivered') as delivered,
             count(*) filter (where state = 'failed') as failed
        from sms_part where sms_id = ${smsId} and province_code = ${ctx.config.PROVINCE_CODE})
    update sms_outbox o
       set status = case when tally.failed > 0 then 'failed' else 'delivered' end,
           delivered_at = case when tally.failed > 0 then null else ${ctx.now()}::timestamptz end,
           last_error = case when tally.failed > 0 then 'Tin nhắn không đến được máy nhận (báo cáo phát)' else o.last_error end
      from tally
     where o.id = ${smsId} and o.status = 'sent' and (tally.failed > 0 or tally.delivered = tally.parts)`.execute(ctx.db);
}

/** What the tests, the bench and the dev page read of a message. */
export async function smsState(ctx: AppContext, smsId: number) {
  const r = await sql<{ status: string; attempts: number; lastError: string | null; deliveredAt: Date | null }>`
    select status, attempts, last_error as "lastError", delivered_at as "deliveredAt" from sms_outbox
     where id = ${smsId} and province_code = ${ctx.config.PROVINCE_CODE}`.execute(ctx.db);
  return r.rows[0];
}
