import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';

/**
 * Per phone, in a rolling day: how many codes are sent and how many guesses are made, and how soon
 * a new code may follow the last one. Every path that sends a code (register, resend) and every
 * guess (verify) claims from the phone's row in one upsert before doing anything, so parallel
 * requests cannot exceed the limits, and a fresh code never brings fresh guesses.
 */
export const CODES_PER_DAY = 5;

/** How soon a new code may follow the last one (SMS_CODE_INTERVAL_SECONDS, a minute by default). */
export function codeIntervalMs(ctx: Pick<AppContext, 'config'>): number {
  return ctx.config.SMS_CODE_INTERVAL_SECONDS * 1000;
}
export const GUESSES_PER_DAY = 10;
export const QUOTA_WINDOW_MS = 24 * 3_600_000;

export type QuotaClaim = { ok: true; guessesLeft: number } | { ok: false; reason: 'too-soon' | 'daily-limit'; retryAt: Date };

export async function claimCodeSend(
  db: Db,
  provinceCode: string,
  phone: string,
  now: Date,
  intervalMs: number,
): Promise<QuotaClaim> {
  const windowOver = sql<boolean>`phone_code_quota.window_started_at <= ${new Date(now.getTime() - QUOTA_WINDOW_MS)}`;
  const row = await db
    .insertInto('phoneCodeQuota')
    .values({ provinceCode, phone, windowStartedAt: now, codesSent: 1, guesses: 0, lastSentAt: now })
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'phone'])
        .doUpdateSet({
          windowStartedAt: sql`case when ${windowOver} then ${now}::timestamptz else phone_code_quota.window_started_at end`,
          codesSent: sql`case when ${windowOver} then 1 else phone_code_quota.codes_sent + 1 end`,
          guesses: sql`case when ${windowOver} then 0 else phone_code_quota.guesses end`,
          lastSentAt: now,
        })
        .where((eb) =>
          eb.and([
            eb.or([
              eb('phoneCodeQuota.lastSentAt', 'is', null),
              eb('phoneCodeQuota.lastSentAt', '<=', new Date(now.getTime() - intervalMs)),
            ]),
            eb.or([windowOver, eb('phoneCodeQuota.codesSent', '<', CODES_PER_DAY)]),
          ]),
        ),
    )
    .returning('guesses')
    .executeTakeFirst();
  if (row) return { ok: true, guessesLeft: GUESSES_PER_DAY - row.guesses };
  const q = await current(db, provinceCode, phone);
  const nextByInterval = q?.lastSentAt ? q.lastSentAt.getTime() + intervalMs : now.getTime();
  if (q && q.codesSent >= CODES_PER_DAY && q.windowStartedAt.getTime() + QUOTA_WINDOW_MS > now.getTime())
    return {
      ok: false,
      reason: 'daily-limit',
      retryAt: new Date(Math.max(nextByInterval, q.windowStartedAt.getTime() + QUOTA_WINDOW_MS)),
    };
  return { ok: false, reason: 'too-soon', retryAt: new Date(nextByInterval) };
}

/** Takes one guess of the phone's day; a right code uses one too (the account is then verified). */
export async function claimGuess(db: Db, provinceCode: string, phone: string, now: Date): Promise<QuotaClaim> {
  const windowOver = sql<boolean>`phone_code_quota.window_started_at <= ${new Date(now.getTime() - QUOTA_WINDOW_MS)}`;
  const row = await db
    .insertInto('phoneCodeQuota')
    .values({ provinceCode, phone, windowStartedAt: now, codesSent: 0, guesses: 1, lastSentAt: null })
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'phone'])
        .doUpdateSet({
          windowStartedAt: sql`case when ${windowOver} then ${now}::timestamptz else phone_code_quota.window_started_at end`,
          codesSent: sql`case when ${windowOver} then 0 else phone_code_quota.codes_sent end`,
          guesses: sql`case when ${windowOver} then 1 else phone_code_quota.guesses + 1 end`,
        })
        .where((eb) => eb.or([windowOver, eb('phoneCodeQuota.guesses', '<', GUESSES_PER_DAY)])),
    )
    .returning('guesses')
    .executeTakeFirst();
  if (row) return { ok: true, guessesLeft: GUESSES_PER_DAY - row.guesses };
  const q = await current(db, provinceCode, phone);
  return { ok: false, reason: 'daily-limit', retryAt: new Date((q?.windowStartedAt.getTime() ?? 0) + QUOTA_WINDOW_MS) };
}

function current(db: Db, provinceCode: string, phone: string) {
  return db
    .selectFrom('phoneCodeQuota')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('phone', '=', phone)
    .executeTakeFirst();
}
