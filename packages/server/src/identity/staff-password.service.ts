import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { hashPassword, newOtp, otpHash, safeEqual } from './secrets';
import { queueSms } from './sms-outbox';

/** A new officer's one-time code to set their password: sent by SMS, 24 h, single use, 5 guesses. */
export const STAFF_CODE_TTL_MS = 24 * 3_600_000;
export const STAFF_CODE_MAX_ATTEMPTS = 5;
export const SET_PASSWORD_PATH = '/can-bo/dat-mat-khau';

/** Replaces any earlier unused code: only the newest SMS works. Runs in the caller's transaction. */
export async function sendPasswordCode(trx: Kysely<Database>, ctx: AppContext, user: { id: string; phone: string }) {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  await trx
    .updateTable('staffPasswordCode')
    .set({ consumedAt: now })
    .where('provinceCode', '=', provinceCode)
    .where('userId', '=', user.id)
    .where('consumedAt', 'is', null)
    .execute();
  const id = randomUUID();
  const code = newOtp();
  await trx
    .insertInto('staffPasswordCode')
    .values({
      id,
      provinceCode,
      userId: user.id,
      codeHash: otpHash(id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + STAFF_CODE_TTL_MS),
      consumedAt: null,
    })
    .execute();
  await queueSms(
    trx,
    ctx,
    user.phone,
    `DVC: mã đặt mật khẩu tài khoản cán bộ của bạn là ${code}, dùng một lần trong 24 giờ tại trang ${SET_PASSWORD_PATH}. Không đưa mã này cho ai.`,
  );
}

export type SetPasswordResult = { ok: true } | Failure<'wrong-code', { attemptsLeft: number }> | Failure<'no-live-code'>;

/**
 * Sets an officer's password if `code` is their newest live code. A guess is counted before the
 * code is compared (one conditional UPDATE), so parallel guesses cannot pass the limit, and the code
 * is consumed by a conditional UPDATE too, so two taps with the right code set the password once.
 */
export async function setStaffPassword(
  ctx: AppContext,
  input: { phone: string; code: string; password: string },
): Promise<SetPasswordResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  const user = await ctx.db
    .selectFrom('userAccount')
    .select('id')
    .where('provinceCode', '=', provinceCode)
    .where('phone', '=', input.phone)
    .where('kind', '=', 'officer')
    .where('deactivatedAt', 'is', null)
    .executeTakeFirst();
  if (!user) return { ok: false, reason: 'no-live-code' };
  const claimed = await ctx.db
    .updateTable('staffPasswordCode')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('staffPasswordCode')
        .select('id')
        .where('provinceCode', '=', provinceCode)
        .where('userId', '=', user.id)
        .where('consumedAt', 'is', null)
        .where('expiresAt', '>', now)
        .orderBy('createdAt', 'desc')
        .limit(1),
    )
    .where('attempts', '<', STAFF_CODE_MAX_ATTEMPTS)
    .returning(['id', 'codeHash', 'attempts'])
    .executeTakeFirst();
  if (!claimed) return { ok: false, reason: 'no-live-code' };
  if (!safeEqual(claimed.codeHash, otpHash(claimed.id, input.code))) {
    return { ok: false, reason: 'wrong-code', attemptsLeft: STAFF_CODE_MAX_ATTEMPTS - claimed.attempts };
  }
  const passwordHash = await hashPassword(input.password);
  const done = await ctx.db.transaction().execute(async (trx) => {
    const consumed = await trx
      .updateTable('staffPasswordCode')
      .set({ consumedAt: ctx.now() })
      .where('id', '=', claimed.id)
      .where('consumedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!consumed) return false;
    await trx
      .updateTable('userAccount')
      .set({ passwordHash, phoneVerifiedAt: now })
      .where('id', '=', user.id)
      .where('deactivatedAt', 'is', null)
      .execute();
    return true;
  });
  return done ? { ok: true } : { ok: false, reason: 'no-live-code' };
}
