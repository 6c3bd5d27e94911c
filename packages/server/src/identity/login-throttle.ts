import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * Sign-in attempts, counted before the password is checked. Each key's counter is claimed by one
 * upsert that succeeds only when the key's next attempt is due, so parallel requests are serialised
 * by the row and none slips past the count. After `free` attempts the key waits before the next one,
 * twice as long each time (`baseMs`, at most `capMs`) — a delay, never a lock: a stranger who
 * hammers one account from one address slows down that pair and their own address, not the owner.
 */
export interface ThrottlePolicy {
  free: number;
  baseMs: number;
  capMs: number;
  /** A key unused this long starts again from zero. Longer than capMs. */
  resetMs: number;
}

const DAY_MS = 24 * 3_600_000;

/** One account from one address: the owner's typos and a stranger's guesses are counted apart. */
export const PAIR_POLICY: ThrottlePolicy = { free: 3, baseMs: 30_000, capMs: 15 * 60_000, resetMs: DAY_MS };
/**
 * One account from every address: guessing spread over many addresses. Only a pair's first `free`
 * attempts count here (a pair past them is slowed by its own delay), so one stranger cannot push the
 * account into it; an address the owner signed in from skips it.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 20, baseMs: 30_000, capMs: 15 * 60_000, resetMs: DAY_MS };
/** One address over every account: spraying one password over many phones. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, baseMs: 60_000, capMs: 15 * 60_000, resetMs: 3_600_000 };
/** An address that signed in to the account this recently is its owner's: the account count is skipped. */
export const KNOWN_ADDRESS_MS = 30 * DAY_MS;

export const throttleKeys = {
  address: (ip: string) => `address:${ip}`,
  account: (phone: string) => `phone:${phone}`,
  pair: (phone: string, ip: string) => `phone:${phone}@${ip}`,
};

export type Claim = { ok: true; attempts: number; signedInAt: Date | null } | { ok: false; retryAt: Date };

/** Takes one attempt of `key` if it is due; otherwise says when the next one is. */
export async function claimAttempt(db: Db, provinceCode: string, key: string, policy: ThrottlePolicy, now: Date): Promise<Claim> {
  const stale = new Date(now.getTime() - policy.resetMs);
  const attempts = sql<number>`case when login_throttle.last_attempt_at <= ${stale} then 1 else login_throttle.attempts + 1 end`;
  const row = await db
    .insertInto('loginThrottle')
    .values({
      provinceCode,
      key,
      attempts: 1,
      nextAttemptAt: new Date(now.getTime() + delayAfter(1, policy)),
      lastAttemptAt: now,
      signedInAt: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['provinceCode', 'key'])
        .doUpdateSet({
          attempts,
          nextAttemptAt: sql<Date>`${now}::timestamptz + (case when ${attempts} < ${policy.free} then 0
            else least(${policy.capMs}::float8, ${policy.baseMs}::float8 * power(2, ${attempts} - ${policy.free})) end) * interval '1 millisecond'`,
          lastAttemptAt: now,
        })
        // Due, or still within its free attempts (a clock set back must not hold a key that owes no wait).
        .where(
          sql<boolean>`(login_throttle.next_attempt_at <= ${now} or login_throttle.attempts < ${policy.free}
            or login_throttle.last_attempt_at <= ${stale})`,
        ),
    )
    .returning(['attempts', 'signedInAt'])
    .executeTakeFirst();
  if (row) return { ok: true, attempts: row.attempts, signedInAt: row.signedInAt };
  const due = await db
    .selectFrom('loginThrottle')
    .select('nextAttemptAt')
    .where('provinceCode', '=', provinceCode)
    .where('key', '=', key)
    .executeTakeFirst();
  return { ok: false, retryAt: due?.nextAttemptAt ?? now };
}

function delayAfter(attempts: number, policy: ThrottlePolicy): number {
  return attempts < policy.free ? 0 : Math.min(policy.capMs, policy.baseMs * 2 ** (attempts - policy.free));
}

/** The password was right: the pair starts again and remembers the address; the others get the attempt back. */
export async function settleSignIn(
  db: Db,
  provinceCode: string,
  keys: { pair: string; refund: string[] },
  now: Date,
): Promise<void> {
  await db
    .updateTable('loginThrottle')
    .set({ attempts: 0, nextAttemptAt: now, signedInAt: now })
    .where('provinceCode', '=', provinceCode)
    .where('key', '=', keys.pair)
    .execute();
  // Rows that no longer change any answer (counters past their reset, addresses no longer known).
  await db
    .deleteFrom('loginThrottle')
    .where('provinceCode', '=', provinceCode)
    .where('lastAttemptAt', '<', new Date(now.getTime() - DAY_MS))
    .where((eb) => eb.or([eb('signedInAt', 'is', null), eb('signedInAt', '<', new Date(now.getTime() - KNOWN_ADDRESS_MS))]))
    .execute();
  if (keys.refund.length === 0) return;
  await db
    .updateTable('loginThrottle')
    .set({ attempts: sql`greatest(attempts - 1, 0)` })
    .where('provinceCode', '=', provinceCode)
    .where('key', 'in', keys.refund)
    .execute();
}
