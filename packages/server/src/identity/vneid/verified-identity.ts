import type { VerifiedIdentity } from '@dvc/domain/procedure-definition/verified-identity';
import type { AppContext } from '../../http/context';

/**
 * The identity VNeID verified for a citizen account, refreshed at each VNeID sign-in. The level is
 * the account's, not the session's: the values come from the population database whichever way the
 * citizen signs in later, and an account is linked to one identity number only (vneid.service.ts) —
 * so a password sign-in of a linked account still files with the verified owner and no ID copy.
 */
export async function recordVerifiedIdentity(ctx: AppContext, userId: string, identity: VerifiedIdentity): Promise<void> {
  const row = {
    citizenId: identity.citizenId,
    fullName: identity.fullName,
    birthDate: identity.birthDate ?? null,
    sex: identity.sex ?? null,
    residence: identity.residence ?? null,
    verifiedAt: ctx.now(),
  };
  await ctx.db
    .insertInto('verifiedIdentity')
    .values({ provinceCode: ctx.config.PROVINCE_CODE, userId, ...row })
    .onConflict((oc) => oc.columns(['provinceCode', 'userId']).doUpdateSet(row))
    .execute();
}

export async function findVerifiedIdentity(ctx: AppContext, userId: string): Promise<VerifiedIdentity | undefined> {
  const row = await ctx.db
    .selectFrom('verifiedIdentity')
    .select(['citizenId', 'fullName', 'birthDate', 'sex', 'residence'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    citizenId: row.citizenId,
    fullName: row.fullName,
    ...(row.birthDate ? { birthDate: row.birthDate } : {}),
    ...(row.sex ? { sex: row.sex } : {}),
    ...(row.residence ? { residence: row.residence } : {}),
  };
}

/** The claims of VNeID beyond name and number: OpenID Connect's birthdate, gender and address. */
export function identityClaims(claims: Record<string, unknown>): Pick<VerifiedIdentity, 'birthDate' | 'sex' | 'residence'> {
  const birthDate =
    typeof claims.birthdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate) ? claims.birthdate : undefined;
  const sex = claims.gender === 'male' || claims.gender === 'female' ? claims.gender : undefined;
  const address = claims.address;
  const formatted =
    typeof address === 'string'
      ? address
      : address && typeof address === 'object' && typeof (address as { formatted?: unknown }).formatted === 'string'
        ? (address as { formatted: string }).formatted
        : undefined;
  const residence = formatted?.trim().slice(0, 255) || undefined;
  return { ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}), ...(residence ? { residence } : {}) };
}
