import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Config, PortalSyncConfig } from '../config';
import type { AppContext } from '../http/context';
import { claimLeased, failedAttempt } from '../jobs/index';

/** The local receiver's path: the default target when no portal URL is configured. */
export const LOCAL_RECEIVER_PATH = '/api/dev/portal-receiver';

/** Where messages are posted: the configured portal, or this server's own local receiver. */
export function portalTargetUrl(env: PortalSyncConfig, config: Pick<Config, 'HOST' | 'PORT'>): string {
  if (env.url) return env.url;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}${LOCAL_RECEIVER_PATH}`;
}

/**
 * Posts queued changes to the national portal. Guarantees:
 * - per dossier, in order: only the earliest unsent message of a dossier is ever claimed, so a
 *   change never overtakes an earlier one that is waiting for a retry (or has failed for good —
 *   then that dossier waits for an administrator's retry, see the admin page);
 * - at least once, made exactly once by the portal: a crash or a lost answer after the portal
 *   accepted a message makes it go out again with the same X-Message-Id, which the portal (and our
 *   local receiver) acknowledges without recording it twice;
 * - no transaction is held while posting (the local receiver writes to this same database, and on
 *   PGlite a held transaction would block it).
 */

const BATCH = 100;
/** Posts of one round in flight at once. */
const POSTS_IN_FLIGHT = 8;

export const SIGNATURE_HEADER = 'x-signature';
export const MESSAGE_ID_HEADER = 'x-message-id';
export const TIMESTAMP_HEADER = 'x-timestamp';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface DrainOptions {
  env?: PortalSyncConfig;
  /** The HTTP client (tests wrap it to simulate failures). */
  fetch?: typeof fetch;
}

interface Claimed {
  id: number;
  messageId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Claims the earliest unsent message of each dossier that is due: counts the attempt, takes a lease. */
async function claimDue(ctx: AppContext, now: Date): Promise<Claimed[]> {
  const rows = await claimLeased<Claimed>(ctx.db, {
    table: 'portal_sync_message',
    provinceCode: ctx.config.PROVINCE_CODE,
    now,
    limit: BATCH,
    returning: ['id', 'message_id', 'payload', 'attempts'],
    where: sql`not exists (select 1 from portal_sync_message e
                            where e.province_code = due.province_code and e.dossier_code = due.dossier_code
                              and e.seq < due.seq and e.status <> 'sent')`,
  });
  return rows.map((row) => ({
    ...row,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  }));
}

async function postOne(url: string, env: PortalSyncConfig, doFetch: typeof fetch, m: Claimed, now: Date): Promise<void> {
  const body = JSON.stringify(m.payload);
  const res = await doFetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [MESSAGE_ID_HEADER]: m.messageId,
      [SIGNATURE_HEADER]: signBody(env.secret, body),
      [TIMESTAMP_HEADER]: now.toISOString(),
    },
    body,
    signal: AbortSignal.timeout(env.timeoutMs),
  });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`);
  }
  await res.body?.cancel().catch(() => undefined);
}

/**
 * Sends everything that is due at `now`, round after round (one message per dossier a round),
 * until nothing is left; a failed message is rescheduled with the outboxes' backoff (jobs/leased-outbox.ts) and holds back its dossier's
 * later messages. Returns what happened, for the job's log.
 */
export async function drainPortalSync(ctx: AppContext, now: Date, options: DrainOptions = {}) {
  const env = options.env ?? ctx.config.portalSync;
  const doFetch = options.fetch ?? fetch;
  const url = portalTargetUrl(env, ctx.config);
  let sent = 0;
  let retried = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimDue(ctx, now);
    if (claimed.length === 0) break;
    const delivered: number[] = [];
    // A round holds one message per dossier, so posting several at once keeps each dossier's order.
    await eachAtMost(POSTS_IN_FLIGHT, claimed, async (m) => {
      try {
        await postOne(url, env, doFetch, m, now);
        delivered.push(m.id);
      } catch (err) {
        const final = m.attempts >= env.maxAttempts;
        if (final) failed++;
        else retried++;
        await ctx.db
          .updateTable('portalSyncMessage')
          .set(failedAttempt(m.attempts, { final, now, error: err }))
          .where('id', '=', m.id)
          .where('status', '=', 'pending')
          .execute();
      }
    });
    if (delivered.length > 0) {
      await ctx.db
        .updateTable('portalSyncMessage')
        .set({ status: 'sent', sentAt: now, lastError: null })
        .where('id', 'in', delivered)
        .where('status', '=', 'pending')
        .execute();
      sent += delivered.length;
    }
  }
  return { sent, retried, failed };
}

async function eachAtMost<T>(limit: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** The drain job's due check (portal-sync.job.ts): cheap, polled every second. */
export async function hasDuePortalSync(ctx: AppContext, now: Date): Promise<boolean> {
  const r = await sql<{ due: boolean }>`
    select exists (select 1 from portal_sync_message where province_code = ${ctx.config.PROVINCE_CODE}
                     and status = 'pending' and next_attempt_at <= ${now}) as due`.execute(ctx.db);
  return r.rows[0]?.due === true;
}

/** An administrator's "try again": failed messages become pending, due now, with a fresh count. */
export async function retryFailedPortalSync(ctx: AppContext, now: Date): Promise<number> {
  const r = await ctx.db
    .updateTable('portalSyncMessage')
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
