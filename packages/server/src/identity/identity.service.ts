import { randomUUID } from 'node:crypto';
import { Batcher } from '../db/batcher';
import type { AppContext } from '../http/context';
import type { Actor } from './actor';
import {
  clearFailedLogins,
  findLiveSessions,
  findUserByPhone,
  listRoles,
  recordFailedLogin,
  type SessionWithUser,
  type UserRow,
} from './identity.repository';
import { dummyPasswordHash, hashPassword, newOtp, newToken, otpHash, safeEqual, sha256, verifyPassword } from './secrets';
import { queueSms } from './sms-outbox';

/** Rules of accounts and sessions. Returns values; the routes map failures to problems. */

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
/** A new code is not sent more often than this, so the outbox cannot be used to spam a phone. */
export const OTP_RESEND_INTERVAL_MS = 60_000;
export const LOGIN_FAILURE_LIMIT = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** Sliding idle timeout and absolute lifetime of a session. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often, not on every request. */
const SESSION_TOUCH_MS = 60_000;

type Ok<T> = { ok: true } & T;
type Fail<R extends string, T = object> = { ok: false; reason: R } & T;

async function issueCode(ctx: AppContext, phone: string): Promise<Date> {
  const now = ctx.now();
  const id = randomUUID();
  const code = newOtp();
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
  const provinceCode = ctx.config.PROVINCE_CODE;
  await ctx.db.transaction().execute(async (trx) => {
    // A new code retires the previous ones: only the latest message on the phone works.
    await trx
      .updateTable('oneTimeCode')
      .set({ consumedAt: now })
      .where('provinceCode', '=', provinceCode)
      .where('phone', '=', phone)
      .where('purpose', '=', 'verify_phone')
      .where('consumedAt', 'is', null)
      .execute();
    await trx
      .insertInto('oneTimeCode')
      .values({
        id,
        provinceCode,
        phone,
        purpose: 'verify_phone',
        codeHash: otpHash(id, code),
        createdAt: now,
        expiresAt,
        consumedAt: null,
      })
      .execute();
    await queueSms(
      trx,
      ctx,
      phone,
      `DVC Quảng Ngãi: mã xác thực của bạn là ${code}, có hiệu lực trong 5 phút. Không cung cấp mã này cho bất kỳ ai.`,
    );
  });
  return expiresAt;
}

export async function register(
  ctx: AppContext,
  input: { phone: string; password: string; fullName: string },
): Promise<Ok<{ userId: string; codeExpiresAt: Date }> | Fail<'phone-taken'>> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const existing = await findUserByPhone(ctx.db, provinceCode, input.phone);
  if (existing && (existing.kind === 'officer' || existing.phoneVerifiedAt)) return { ok: false, reason: 'phone-taken' };
  const passwordHash = await hashPassword(input.password);
  let userId: string;
  if (existing) {
    // Unverified: whoever proves the phone owns the account, so a squatter cannot block the owner.
    userId = existing.id;
    await ctx.db
      .updateTable('userAccount')
      .set({ fullName: input.fullName, passwordHash, failedLogins: 0, lockedUntil: null })
      .where('id', '=', userId)
      .execute();
  } else {
    userId = randomUUID();
    await ctx.db
      .insertInto('userAccount')
      .values({
        id: userId,
        provinceCode,
        kind: 'citizen',
        phone: input.phone,
        fullName: input.fullName,
        passwordHash,
        citizenId: null,
        phoneVerifiedAt: null,
        lockedUntil: null,
        createdAt: ctx.now(),
      })
      .execute();
  }
  return { ok: true, userId, codeExpiresAt: await issueCode(ctx, input.phone) };
}

/** Sends a fresh code when the account exists and is unverified; silent otherwise (no enumeration). */
export async function resendCode(ctx: AppContext, phone: string): Promise<void> {
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, phone);
  if (user?.kind !== 'citizen' || user.phoneVerifiedAt) return;
  const last = await latestCode(ctx, phone);
  if (last && ctx.now().getTime() - last.createdAt.getTime() < OTP_RESEND_INTERVAL_MS) return;
  await issueCode(ctx, phone);
}

function latestCode(ctx: AppContext, phone: string) {
  return ctx.db
    .selectFrom('oneTimeCode')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('phone', '=', phone)
    .where('purpose', '=', 'verify_phone')
    .where('consumedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function verifyPhone(
  ctx: AppContext,
  input: { phone: string; code: string },
): Promise<Ok<{ userId: string }> | Fail<'code-invalid', { attemptsLeft: number }> | Fail<'code-expired' | 'too-many-attempts'>> {
  const now = ctx.now();
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, input.phone);
  const row = user && !user.phoneVerifiedAt ? await latestCode(ctx, input.phone) : undefined;
  if (!user || !row) return { ok: false, reason: 'code-invalid', attemptsLeft: 0 };
  if (row.expiresAt <= now) return { ok: false, reason: 'code-expired' };
  if (row.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, reason: 'too-many-attempts' };
  if (!safeEqual(row.codeHash, otpHash(row.id, input.code))) {
    const updated = await ctx.db
      .updateTable('oneTimeCode')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    const attemptsLeft = Math.max(0, OTP_MAX_ATTEMPTS - updated.attempts);
    return attemptsLeft === 0 ? { ok: false, reason: 'too-many-attempts' } : { ok: false, reason: 'code-invalid', attemptsLeft };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('oneTimeCode').set({ consumedAt: now }).where('id', '=', row.id).execute();
    await trx.updateTable('userAccount').set({ phoneVerifiedAt: now }).where('id', '=', user.id).execute();
  });
  return { ok: true, userId: user.id };
}

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
  | Fail<'invalid-credentials', { userId: string | null }>
  | Fail<'locked', { until: Date; userId: string }>
  | Fail<'phone-unverified', { userId: string }>
> {
  const now = ctx.now();
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, input.phone);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    return { ok: false, reason: 'invalid-credentials', userId: null };
  }
  if (user.lockedUntil && user.lockedUntil > now)
    return { ok: false, reason: 'locked', until: user.lockedUntil, userId: user.id };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const until = new Date(now.getTime() + LOCKOUT_MS);
    const { locked } = await recordFailedLogin(ctx.db, user.id, LOGIN_FAILURE_LIMIT, until);
    return locked
      ? { ok: false, reason: 'locked', until, userId: user.id }
      : { ok: false, reason: 'invalid-credentials', userId: user.id };
  }
  if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(ctx.db, user.id);
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
        const found = await findLiveSessions(ctx.db, ctx.config.PROVINCE_CODE, [...new Set(ids)], ctx.now());
        const byId = new Map(found.map((s) => [s.sessionId, s]));
        return ids.map((id) => byId.get(id));
      },
      { maxBatch: 200 },
    );
    sessionLookups.set(ctx, lookup);
  }
  return lookup;
}

export async function resumeSession(ctx: AppContext, token: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const now = ctx.now();
  const s = await sessionLookup(ctx).run(sha256(token));
  if (!s) return undefined;
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    const cap = s.createdAt.getTime() + SESSION_MAX_MS;
    await ctx.db
      .updateTable('session')
      .set({ lastSeenAt: now, expiresAt: new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap)) })
      .where('id', '=', s.sessionId)
      .execute();
  }
  const roles = s.kind === 'officer' ? await listRoles(ctx.db, s.provinceCode, s.userId) : [];
  return {
    csrfToken: s.csrfToken,
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
}
