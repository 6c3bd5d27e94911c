import { Batcher } from '../db/batcher';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import type { Actor } from './actor';
import { findLiveSessions, findUserByPhone, listRoles, type SessionWithUser, type UserRow } from './identity.repository';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  claimAttempt,
  KNOWN_ADDRESS_MS,
  PAIR_POLICY,
  settleSignIn,
  throttleKeys,
} from './login-throttle';
import { dummyPasswordHash, newToken, sha256, verifyPassword } from './secrets';
import { forgetSessions } from './session-cache';

/** Rules of accounts and sessions. Returns values; the routes map failures to problems. */

/** Sliding idle timeout and absolute lifetime of a session. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often, not on every request. */
const SESSION_TOUCH_MS = 60_000;

type Ok<T> = { ok: true } & T;

export interface NewSession {
  token: string;
  csrfToken: string;
  actor: Actor;
}

export async function login(
  ctx: AppContext,
  input: { phone: string; password: string; ip: string | null; userAgent: string | null },
): Promise<
  | Ok<NewSession>
  | Failure<'invalid-credentials', { userId: string | null }>
  | Failure<'throttled', { retryAt: Date }>
  | Failure<'phone-unverified', { userId: string }>
> {
  const now = ctx.now();
  const provinceCode = ctx.config.PROVINCE_CODE;
  const ip = input.ip ?? 'unknown';
  // Counted before the password is checked; keyed by phone, so an unknown phone answers alike.
  const pair = throttleKeys.pair(input.phone, ip);
  const refund = [throttleKeys.address(ip)];
  const byAddress = await claimAttempt(ctx.db, provinceCode, throttleKeys.address(ip), ADDRESS_POLICY, now);
  if (!byAddress.ok) return { ok: false, reason: 'throttled', retryAt: byAddress.retryAt };
  const byPair = await claimAttempt(ctx.db, provinceCode, pair, PAIR_POLICY, now);
  if (!byPair.ok) return { ok: false, reason: 'throttled', retryAt: byPair.retryAt };
  const known = byPair.signedInAt !== null && now.getTime() - byPair.signedInAt.getTime() < KNOWN_ADDRESS_MS;
  if (!known && byPair.attempts <= PAIR_POLICY.free) {
    const byAccount = await claimAttempt(ctx.db, provinceCode, throttleKeys.account(input.phone), ACCOUNT_POLICY, now);
    if (!byAccount.ok) return { ok: false, reason: 'throttled', retryAt: byAccount.retryAt };
    refund.push(throttleKeys.account(input.phone));
  }

  const user = await findUserByPhone(ctx.db, provinceCode, input.phone);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    return { ok: false, reason: 'invalid-credentials', userId: null };
  }
  if (!(await verifyPassword(user.passwordHash, input.password)))
    return { ok: false, reason: 'invalid-credentials', userId: user.id };
  // A deactivated officer answers like a wrong password: the account's state is nobody's business.
  if (user.deactivatedAt) return { ok: false, reason: 'invalid-credentials', userId: user.id };
  await settleSignIn(ctx.db, provinceCode, { pair, refund }, now);
  if (user.kind === 'citizen' && !user.phoneVerifiedAt) return { ok: false, reason: 'phone-unverified', userId: user.id };
  return { ok: true, ...(await createSession(ctx, user, input.ip, input.userAgent)) };
}

/** A new server-side session for a user who proved who they are (password, or VNeID). */
export async function createSession(
  ctx: AppContext,
  user: UserRow,
  ip: string | null,
  userAgent: string | null,
): Promise<NewSession> {
  const now = ctx.now();
  const token = newToken();
  const csrfToken = newToken();
  const id = sha256(token);
  await ctx.db.deleteFrom('session').where('userId', '=', user.id).where('expiresAt', '<=', now).execute();
  await ctx.db
    .insertInto('session')
    .values({
      id,
      provinceCode: user.provinceCode,
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      lastSeenAt: now,
      ip,
      userAgent: userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  const roles = user.kind === 'officer' ? await listRoles(ctx.db, user.provinceCode, user.id) : [];
  return {
    token,
    csrfToken,
    actor: {
      userId: user.id,
      kind: user.kind,
      fullName: user.fullName,
      phone: user.phone,
      provinceCode: user.provinceCode,
      roles,
      sessionId: id,
    },
  };
}

/** The actor behind a cookie token, sliding the session's expiry; undefined when none is live. */
const sessionLookups = new WeakMap<AppContext, Batcher<string, SessionWithUser | undefined>>();

/** Every request resumes its session: requests arriving together are looked up in one statement. */
function sessionLookup(ctx: AppContext): Batcher<string, SessionWithUser | undefined> {
  let lookup = sessionLookups.get(ctx);
  if (!lookup) {
    lookup = new Batcher(
      async (ids) => {
        const now = ctx.now();
        const oldest = new Date(now.getTime() - SESSION_MAX_MS);
        const found = await findLiveSessions(ctx.db, ctx.config.PROVINCE_CODE, [...new Set(ids)], now, oldest);
        const byId = new Map(found.map((s) => [s.sessionId, s]));
        return ids.map((id) => byId.get(id));
      },
      { maxBatch: 200 },
    );
    sessionLookups.set(ctx, lookup);
  }
  return lookup;
}

export async function resumeSession(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; csrfToken: string; endsAt: Date } | undefined> {
  const now = ctx.now();
  const s = await sessionLookup(ctx).run(sha256(token));
  if (!s) return undefined;
  const cap = s.createdAt.getTime() + SESSION_MAX_MS;
  let expiresAt = s.expiresAt;
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap));
    await ctx.db.updateTable('session').set({ lastSeenAt: now, expiresAt }).where('id', '=', s.sessionId).execute();
  }
  const roles = s.kind === 'officer' ? await listRoles(ctx.db, s.provinceCode, s.userId) : [];
  return {
    csrfToken: s.csrfToken,
    // When it ends unless used again (idle) or at the latest (7 days): a remembered session is not used past it.
    endsAt: new Date(Math.min(expiresAt.getTime(), cap)),
    actor: {
      userId: s.userId,
      kind: s.kind,
      fullName: s.fullName,
      phone: s.phone,
      provinceCode: s.provinceCode,
      roles,
      sessionId: s.sessionId,
    },
  };
}

export async function endSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.db.deleteFrom('session').where('provinceCode', '=', ctx.config.PROVINCE_CODE).where('id', '=', sessionId).execute();
  forgetSessions(ctx);
}
