import { randomUUID } from 'node:crypto';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { findUserByPhone } from './identity.repository';
import { claimAttempt, type ThrottlePolicy, throttleKeys } from './login-throttle';
import { claimCodeSend, claimGuess, codeIntervalMs } from './phone-code-quota';
import { hashPassword, newOtp, otpHash, safeEqual } from './secrets';
import { forgetSessions } from './session-cache';
import { queueSms } from './sms-outbox';

/**
 * A forgotten password, recovered with a one-time code sent to the account's phone.
 * - No enumeration: asking for a code answers alike whether or not the phone has an account, and
 *   every failure of a confirmation (wrong, expired, used code, unknown phone) is the same one.
 * - Limits: the phone's daily codes and guesses are the sign-up's (phone-code-quota.ts), claimed for
 *   unknown phones too so that the limits themselves tell nothing; each code has its own guesses;
 *   the asking address is slowed down (login-throttle.ts) whichever phones it tries.
 * - A reset ends every session of the account: whoever was signed in with the old password is out.
 */
export const RESET_CODE_TTL_MS = 10 * 60_000;
export const RESET_CODE_MAX_ATTEMPTS = 5;
export const RESET_PATH = '/quen-mat-khau';

/** Codes asked for and codes tried from one address, over every phone. */
export const RESET_ADDRESS_POLICY: ThrottlePolicy = { free: 10, baseMs: 60_000, capMs: 15 * 60_000, resetMs: 3_600_000 };

const addressKey = (kind: 'request' | 'confirm', ip: string) => `reset-${kind}:${ip}`;

export type ResetRequestResult = { ok: true } | Failure<'throttled', { retryAt: Date }>;

export type ResetConfirmResult = { ok: true; userId: string } | Failure<'code-invalid'> | Failure<'throttled', { retryAt: Date }>;

/** Who may recover a password this way: a citizen whose phone was proved. Officers ask their administrator. */
async function resettableUser(ctx: AppContext, phone: string) {
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, phone);
  if (user?.kind !== 'citizen' || !user.phoneVerifiedAt || user.deactivatedAt) return undefined;
  return user;
}

export async function requestPasswordReset(
  ctx: AppContext,
  input: { phone: string; ip: string | null },
): Promise<ResetRequestResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  const byAddress = await claimAttempt(
    ctx.db,
    provinceCode,
    addressKey('request', input.ip ?? 'unknown'),
    RESET_ADDRESS_POLICY,
    now,
  );
  if (!byAddress.ok) return { ok: false, reason: 'throttled', retryAt: byAddress.retryAt };
  // Claimed before the account is looked up: a known and an unknown phone reach their limits alike.
  const claim = await claimCodeSend(ctx.db, provinceCode, input.phone, now, codeIntervalMs(ctx));
  if (!claim.ok) return { ok: true };
  const user = await resettableUser(ctx, input.phone);
  if (!user) return { ok: true };
  const id = randomUUID();
  const code = newOtp();
  await ctx.db.transaction().execute(async (trx) => {
    // Only the newest SMS works: an older code lying in the inbox is no use to whoever reads it later.
    await trx
      .updateTable('passwordResetCode')
      .set({ consumedAt: now })
      .where('provinceCode', '=', provinceCode)
      .where('userId', '=', user.id)
      .where('consumedAt', 'is', null)
      .execute();
    await trx
      .insertInto('passwordResetCode')
      .values({
        id,
        provinceCode,
        userId: user.id,
        codeHash: otpHash(id, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_CODE_TTL_MS),
        consumedAt: null,
      })
      .execute();
    await queueSms(
      trx,
      ctx,
      user.phone,
      `DVC Quảng Ngãi: mã đặt lại mật khẩu của bạn là ${code}, có hiệu lực trong 10 phút tại trang ${RESET_PATH}. Nếu bạn không yêu cầu, hãy bỏ qua tin này. Không đưa mã cho ai.`,
    );
  });
  return { ok: true };
}

/**
 * Sets a new password when `code` is the phone's newest live code. The guess is counted for the
 * address, the phone's day and the code (a conditional UPDATE) before the code is compared, so
 * parallel guesses cannot pass any limit; the code is consumed by a conditional UPDATE too, so two
 * taps with the right code reset once.
 */
export async function confirmPasswordReset(
  ctx: AppContext,
  input: { phone: string; code: string; password: string; ip: string | null },
): Promise<ResetConfirmResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  const byAddress = await claimAttempt(
    ctx.db,
    provinceCode,
    addressKey('confirm', input.ip ?? 'unknown'),
    RESET_ADDRESS_POLICY,
    now,
  );
  if (!byAddress.ok) return { ok: false, reason: 'throttled', retryAt: byAddress.retryAt };
  const guess = await claimGuess(ctx.db, provinceCode, input.phone, now);
  if (!guess.ok) return { ok: false, reason: 'throttled', retryAt: guess.retryAt };
  const user = await resettableUser(ctx, input.phone);
  if (!user) return { ok: false, reason: 'code-invalid' };
  const claimed = await ctx.db
    .updateTable('passwordResetCode')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('passwordResetCode')
        .select('id')
        .where('provinceCode', '=', provinceCode)
        .where('userId', '=', user.id)
        .where('consumedAt', 'is', null)
        .where('expiresAt', '>', now)
        .orderBy('createdAt', 'desc')
        .limit(1),
    )
    .where('attempts', '<', RESET_CODE_MAX_ATTEMPTS)
    .returning(['id', 'codeHash'])
    .executeTakeFirst();
  if (!claimed || !safeEqual(claimed.codeHash, otpHash(claimed.id, input.code))) return { ok: false, reason: 'code-invalid' };
  const passwordHash = await hashPassword(input.password);
  const done = await ctx.db.transaction().execute(async (trx) => {
    const consumed = await trx
      .updateTable('passwordResetCode')
      .set({ consumedAt: now })
      .where('id', '=', claimed.id)
      .where('consumedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!consumed) return false;
    await trx.updateTable('userAccount').set({ passwordHash }).where('id', '=', user.id).execute();
    await trx.deleteFrom('session').where('provinceCode', '=', provinceCode).where('userId', '=', user.id).execute();
    // The owner proved the phone: their own earlier wrong passwords no longer hold their sign-in back.
    await trx
      .deleteFrom('loginThrottle')
      .where('provinceCode', '=', provinceCode)
      .where('key', 'in', [throttleKeys.account(user.phone), throttleKeys.pair(user.phone, input.ip ?? 'unknown')])
      .execute();
    return true;
  });
  if (done) forgetSessions(ctx);
  return done ? { ok: true, userId: user.id } : { ok: false, reason: 'code-invalid' };
}
