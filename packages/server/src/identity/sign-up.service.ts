import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { recordAccountConsent } from '../privacy/index';
import { findUserByPhone } from './identity.repository';
import { claimCodeSend, claimGuess, codeIntervalMs } from './phone-code-quota';
import { hashPassword, newOtp, newToken, otpHash, safeEqual, sha256 } from './secrets';
import { queueSms } from './sms-outbox';

/**
 * Sign-up of a citizen by phone: each registration (sign_up) keeps the password and name it chose,
 * and its own codes. The account takes them when one of that registration's codes is entered with
 * the registration's token (a cookie of the browser that registered), so a stranger registering the
 * same pending phone changes nothing: their codes go to the owner's phone and are no use to them.
 */
export const OTP_TTL_MS = 5 * 60_000;
/** Wrong tries of one code; the phone's day has its own, smaller-per-code budget (phone-code-quota.ts). */
export const OTP_MAX_ATTEMPTS = 5;
export const SIGN_UP_TTL_MS = 24 * 3_600_000;

type Ok<T> = { ok: true } & T;
type LimitFail = Failure<'code-too-soon', { retryAt: Date }> | Failure<'code-daily-limit', { retryAt: Date }>;

async function issueCode(trx: Kysely<Database>, ctx: AppContext, phone: string, signUpId: string | null): Promise<Date> {
  const now = ctx.now();
  const id = randomUUID();
  const code = newOtp();
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS);
  const provinceCode = ctx.config.PROVINCE_CODE;
  // A new code retires the previous ones of the same registration; another registration's stay.
  await trx
    .updateTable('oneTimeCode')
    .set({ consumedAt: now })
    .where('provinceCode', '=', provinceCode)
    .where('phone', '=', phone)
    .where('purpose', '=', 'verify_phone')
    .where('consumedAt', 'is', null)
    .where((eb) => (signUpId ? eb('signUpId', '=', signUpId) : eb('signUpId', 'is', null)))
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
      signUpId,
    })
    .execute();
  await queueSms(
    trx,
    ctx,
    phone,
    `DVC Quảng Ngãi: mã xác thực của bạn là ${code}, có hiệu lực trong 5 phút. Không cung cấp mã này cho bất kỳ ai.`,
  );
  return expiresAt;
}

function limitFail(claim: { reason: 'too-soon' | 'daily-limit'; retryAt: Date }): LimitFail {
  return { ok: false, reason: claim.reason === 'too-soon' ? 'code-too-soon' : 'code-daily-limit', retryAt: claim.retryAt };
}

export async function register(
  ctx: AppContext,
  input: { phone: string; password: string; fullName: string },
): Promise<Ok<{ userId: string; codeExpiresAt: Date; signUpToken: string }> | Failure<'phone-taken'> | LimitFail> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const existing = await findUserByPhone(ctx.db, provinceCode, input.phone);
  if (existing && (existing.kind === 'officer' || existing.phoneVerifiedAt)) return { ok: false, reason: 'phone-taken' };
  const claim = await claimCodeSend(ctx.db, provinceCode, input.phone, ctx.now(), codeIntervalMs(ctx));
  if (!claim.ok) return limitFail(claim);
  const passwordHash = await hashPassword(input.password);
  const signUpToken = newToken();
  const signUpId = randomUUID();
  const now = ctx.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    // The pending account keeps what its first registration chose until a phone proves otherwise.
    await trx
      .insertInto('userAccount')
      .values({
        id: randomUUID(),
        provinceCode,
        kind: 'citizen',
        phone: input.phone,
        fullName: input.fullName,
        passwordHash,
        citizenId: null,
        phoneVerifiedAt: null,
        createdAt: now,
      })
      .onConflict((oc) => oc.columns(['provinceCode', 'phone']).doNothing())
      .execute();
    const user = await trx
      .selectFrom('userAccount')
      .select('id')
      .where('provinceCode', '=', provinceCode)
      .where('phone', '=', input.phone)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('signUp')
      .values({
        id: signUpId,
        provinceCode,
        phone: input.phone,
        tokenHash: sha256(signUpToken),
        fullName: input.fullName,
        passwordHash,
        createdAt: now,
      })
      .execute();
    return { userId: user.id, codeExpiresAt: await issueCode(trx, ctx, input.phone, signUpId) };
  });
  return { ok: true, ...result, signUpToken };
}

function findSignUp(ctx: AppContext, phone: string, token: string | undefined) {
  if (!token) return Promise.resolve(undefined);
  return ctx.db
    .selectFrom('signUp')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('phone', '=', phone)
    .where('tokenHash', '=', sha256(token))
    .where('createdAt', '>', new Date(ctx.now().getTime() - SIGN_UP_TTL_MS))
    .executeTakeFirst();
}

function latestSignUp(ctx: AppContext, phone: string) {
  return ctx.db
    .selectFrom('signUp')
    .select('id')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('phone', '=', phone)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Sends a fresh code of the caller's registration (else the phone's latest) when the account is
 * unverified and the phone's limits allow; silent otherwise (no enumeration).
 */
export async function resendCode(ctx: AppContext, phone: string, signUpToken?: string): Promise<void> {
  const user = await findUserByPhone(ctx.db, ctx.config.PROVINCE_CODE, phone);
  if (user?.kind !== 'citizen' || user.phoneVerifiedAt) return;
  const signUpId = (await findSignUp(ctx, phone, signUpToken))?.id ?? (await latestSignUp(ctx, phone))?.id ?? null;
  const claim = await claimCodeSend(ctx.db, ctx.config.PROVINCE_CODE, phone, ctx.now(), codeIntervalMs(ctx));
  if (!claim.ok) return;
  await ctx.db.transaction().execute((trx) => issueCode(trx, ctx, phone, signUpId));
}

function liveCodes(ctx: AppContext, phone: string) {
  return ctx.db
    .selectFrom('oneTimeCode')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('phone', '=', phone)
    .where('purpose', '=', 'verify_phone')
    .where('consumedAt', 'is', null)
    .orderBy('createdAt', 'desc');
}

export async function verifyPhone(
  ctx: AppContext,
  input: { phone: string; code: string; signUpToken?: string },
): Promise<
  | Ok<{ userId: string }>
  | Failure<'code-invalid', { attemptsLeft: number }>
  | Failure<'code-expired'>
  | Failure<'sign-up-unknown'>
  | Failure<'too-many-attempts', { retryAt: Date | null }>
> {
  const now = ctx.now();
  const provinceCode = ctx.config.PROVINCE_CODE;
  const user = await findUserByPhone(ctx.db, provinceCode, input.phone);
  if (user?.kind !== 'citizen' || user.phoneVerifiedAt) return { ok: false, reason: 'code-invalid', attemptsLeft: 0 };
  // The guess is counted for the phone before the code is looked at.
  const guess = await claimGuess(ctx.db, provinceCode, input.phone, now);
  if (!guess.ok) return { ok: false, reason: 'too-many-attempts', retryAt: guess.retryAt };

  const signUp = await findSignUp(ctx, input.phone, input.signUpToken);
  let row: Awaited<ReturnType<ReturnType<typeof liveCodes>['executeTakeFirst']>>;
  if (signUp) {
    row = await liveCodes(ctx, input.phone).where('signUpId', '=', signUp.id).executeTakeFirst();
  } else {
    // Without the registering browser's token, a code is taken only when one registration is pending:
    // with several, whose password the account would take is not known.
    const codes = await liveCodes(ctx, input.phone).execute();
    const pending = new Set(codes.filter((c) => c.expiresAt > now).map((c) => c.signUpId));
    if (pending.size > 1) return { ok: false, reason: 'sign-up-unknown' };
    row = codes[0];
  }
  if (!row) return { ok: false, reason: 'code-invalid', attemptsLeft: 0 };
  if (row.expiresAt <= now) return { ok: false, reason: 'code-expired' };
  if (row.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, reason: 'too-many-attempts', retryAt: null };
  if (!safeEqual(row.codeHash, otpHash(row.id, input.code))) {
    const updated = await ctx.db
      .updateTable('oneTimeCode')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    const attemptsLeft = Math.max(0, Math.min(OTP_MAX_ATTEMPTS - updated.attempts, guess.guessesLeft));
    return attemptsLeft === 0
      ? { ok: false, reason: 'too-many-attempts', retryAt: null }
      : { ok: false, reason: 'code-invalid', attemptsLeft };
  }
  const codeRow = row;
  const chosen = codeRow.signUpId
    ? await ctx.db.selectFrom('signUp').selectAll().where('id', '=', codeRow.signUpId).executeTakeFirst()
    : undefined;
  const verified = await ctx.db.transaction().execute(async (trx) => {
    const account = await trx
      .updateTable('userAccount')
      .set({ phoneVerifiedAt: now, ...(chosen ? { passwordHash: chosen.passwordHash, fullName: chosen.fullName } : {}) })
      .where('id', '=', user.id)
      .where('phoneVerifiedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!account) return false;
    await recordAccountConsent(trx, { provinceCode, userId: user.id, at: now });
    await trx
      .updateTable('oneTimeCode')
      .set({ consumedAt: now })
      .where('provinceCode', '=', provinceCode)
      .where('phone', '=', input.phone)
      .where('consumedAt', 'is', null)
      .execute();
    await trx.deleteFrom('signUp').where('provinceCode', '=', provinceCode).where('phone', '=', input.phone).execute();
    return true;
  });
  return verified ? { ok: true, userId: user.id } : { ok: false, reason: 'code-invalid', attemptsLeft: 0 };
}
