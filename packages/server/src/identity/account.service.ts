import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import type { Actor } from './actor';
import { claimAttempt, PAIR_POLICY } from './login-throttle';
import { hashPassword, verifyPassword } from './secrets';
import { forgetSessions } from './session-cache';

/**
 * What a signed-in person does with their own account: read and edit the profile, change the
 * password, end the sessions of every device. A filed dossier keeps the applicant as filed (its
 * snapshot): editing the profile changes the next filings only.
 */

export interface Profile {
  fullName: string;
  phone: string;
  email: string | null;
  /** Proved by VNeID: the name then comes from the national database and is not edited here. */
  identityVerified: boolean;
}

export async function readProfile(ctx: AppContext, actor: Actor): Promise<Profile | undefined> {
  const row = await ctx.db
    .selectFrom('userAccount')
    .select(['fullName', 'phone', 'email', 'citizenId'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { fullName: row.fullName, phone: row.phone, email: row.email, identityVerified: row.citizenId !== null };
}

export type ProfileUpdateResult = { ok: true; profile: Profile } | Failure<'name-from-vneid' | 'not-found'>;

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  input: { fullName: string; email: string | null },
): Promise<ProfileUpdateResult> {
  const current = await readProfile(ctx, actor);
  if (!current) return { ok: false, reason: 'not-found' };
  if (current.identityVerified && input.fullName !== current.fullName) return { ok: false, reason: 'name-from-vneid' };
  await ctx.db
    .updateTable('userAccount')
    .set({ fullName: input.fullName, email: input.email })
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', actor.userId)
    .execute();
  return { ok: true, profile: { ...current, fullName: input.fullName, email: input.email } };
}

export type ChangePasswordResult =
  | { ok: true; endedSessions: number }
  | Failure<'wrong-password'>
  | Failure<'throttled', { retryAt: Date }>;

/**
 * A new password, given the current one. The attempt is counted first (per account: a session left
 * open on a shared computer must not become a way to guess the password); the other devices'
 * sessions end, this one stays.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  const claim = await claimAttempt(ctx.db, provinceCode, `password-change:${actor.userId}`, PAIR_POLICY, now);
  if (!claim.ok) return { ok: false, reason: 'throttled', retryAt: claim.retryAt };
  const row = await ctx.db
    .selectFrom('userAccount')
    .select('passwordHash')
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) return { ok: false, reason: 'wrong-password' };
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('userAccount').set({ passwordHash }).where('id', '=', actor.userId).execute();
    await trx
      .deleteFrom('loginThrottle')
      .where('provinceCode', '=', provinceCode)
      .where('key', '=', `password-change:${actor.userId}`)
      .execute();
    return trx
      .deleteFrom('session')
      .where('provinceCode', '=', provinceCode)
      .where('userId', '=', actor.userId)
      .where('id', '!=', actor.sessionId)
      .executeTakeFirst();
  });
  forgetSessions(ctx);
  return { ok: true, endedSessions: Number(ended.numDeletedRows) };
}

/** Ends the sessions of every device of the account (a lost phone, a shared computer), this one's too if asked. */
export async function endAllSessions(ctx: AppContext, actor: Actor, options: { includeThisDevice: boolean }): Promise<number> {
  let q = ctx.db.deleteFrom('session').where('provinceCode', '=', ctx.config.PROVINCE_CODE).where('userId', '=', actor.userId);
  if (!options.includeThisDevice) q = q.where('id', '!=', actor.sessionId);
  const res = await q.executeTakeFirst();
  // This server forgets at once; the others on the database's notice (identity/session-cache.ts).
  forgetSessions(ctx);
  return Number(res.numDeletedRows);
}

/** How many devices are signed in now (shown beside "sign out everywhere"). */
export async function countLiveSessions(ctx: AppContext, actor: Actor): Promise<number> {
  const row = await ctx.db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('userId', '=', actor.userId)
    .where('expiresAt', '>', ctx.now())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
