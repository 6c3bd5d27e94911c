import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../http/context';
import type { Failure } from '../../http/refusal';
import { findUserByPhone, type UserRow } from '../identity.repository';
import { hashPassword, newToken, sha256 } from '../secrets';

/** What VNeID told us about the person (already validated). */
export interface VneidIdentity {
  citizenId: string;
  fullName: string;
  /** Normalised to the 10-digit 0… form; VNeID level-2 accounts carry a verified mobile. */
  phone: string | undefined;
}

export type CitizenRefusal = Failure<'officer-phone' | 'phone-missing'>;

/**
 * The citizen account of a VNeID identity, in this order:
 * 1. the account already linked to the identity number;
 * 2. the citizen account with VNeID's phone number. VNeID has verified that phone, so its holder is
 *    the person who owns the number: a verified account is linked as it is; an unverified one (a
 *    registration nobody confirmed by SMS) is taken over, as register() would — its password is
 *    replaced, so whoever typed it cannot sign in any more. Never by the self-declared citizen_id of
 *    an account: anyone can type somebody else's number into a profile;
 * 3. a new citizen account (phone verified, no usable password: VNeID is how it signs in).
 * An officer's phone is refused: officer accounts are not opened through VNeID.
 */
export async function findOrCreateCitizen(
  ctx: AppContext,
  who: VneidIdentity,
): Promise<{ ok: true; user: UserRow; created: boolean } | CitizenRefusal> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  const linked = await ctx.db
    .selectFrom('citizenIdentityLink as l')
    .innerJoin('userAccount as u', 'u.id', 'l.userId')
    .selectAll('u')
    .where('l.provinceCode', '=', provinceCode)
    .where('l.citizenId', '=', who.citizenId)
    .executeTakeFirst();
  if (linked) return { ok: true, user: linked as UserRow, created: false };
  if (!who.phone) return { ok: false, reason: 'phone-missing' };

  const existing = await findUserByPhone(ctx.db, provinceCode, who.phone);
  if (existing?.kind === 'officer') return { ok: false, reason: 'officer-phone' };
  // Hashed outside the transaction: argon2 takes a while, and PGlite has one connection.
  const unusablePassword = await hashPassword(newToken());
  const result = await ctx.db.transaction().execute(async (trx) => {
    let userId: string;
    let created = false;
    if (existing) {
      userId = existing.id;
      await trx
        .updateTable('userAccount')
        .set({
          citizenId: existing.citizenId ?? who.citizenId,
          ...(existing.phoneVerifiedAt
            ? {}
            : {
                phoneVerifiedAt: now,
                passwordHash: unusablePassword,
                fullName: who.fullName,
              }),
        })
        .where('id', '=', userId)
        .execute();
    } else {
      userId = randomUUID();
      created = true;
      await trx
        .insertInto('userAccount')
        .values({
          id: userId,
          provinceCode,
          kind: 'citizen',
          phone: who.phone as string,
          fullName: who.fullName,
          passwordHash: unusablePassword,
          citizenId: who.citizenId,
          phoneVerifiedAt: now,
          createdAt: now,
        })
        .execute();
    }
    // Two first logins at once: the second finds the link the first made (primary key).
    await trx
      .insertInto('citizenIdentityLink')
      .values({ provinceCode, citizenId: who.citizenId, userId, linkedAt: now })
      .onConflict((oc) => oc.columns(['provinceCode', 'citizenId']).doNothing())
      .execute();
    const link = await trx
      .selectFrom('citizenIdentityLink')
      .select('userId')
      .where('provinceCode', '=', provinceCode)
      .where('citizenId', '=', who.citizenId)
      .executeTakeFirstOrThrow();
    return { userId: link.userId, created };
  });
  const user = await ctx.db.selectFrom('userAccount').selectAll().where('id', '=', result.userId).executeTakeFirstOrThrow();
  return { ok: true, user: user as UserRow, created: result.created };
}

export const ATTEMPT_TTL_MS = 10 * 60_000;

/** Stores a login in progress under the hash of the browser's cookie value. */
export async function saveAttempt(
  ctx: AppContext,
  cookieValue: string,
  a: { state: string; nonce: string; codeVerifier: string },
): Promise<void> {
  const now = ctx.now();
  await ctx.db.deleteFrom('vneidLoginAttempt').where('expiresAt', '<=', now).execute();
  await ctx.db
    .insertInto('vneidLoginAttempt')
    .values({
      id: sha256(cookieValue),
      provinceCode: ctx.config.PROVINCE_CODE,
      state: a.state,
      nonce: a.nonce,
      codeVerifier: a.codeVerifier,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
    })
    .execute();
}

/** Takes the login in progress (once: a replayed callback finds nothing). */
export async function takeAttempt(ctx: AppContext, cookieValue: string) {
  const row = await ctx.db
    .deleteFrom('vneidLoginAttempt')
    .where('id', '=', sha256(cookieValue))
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .returningAll()
    .executeTakeFirst();
  return row && row.expiresAt > ctx.now() ? row : undefined;
}
