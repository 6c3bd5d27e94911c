import { randomInt } from 'node:crypto';
import type { AppContext } from '../http/context';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../identity/secrets';

const SIX_DIGITS = /^\d{6}$/;

/**
 * A new 6-digit PIN for the dossier's public lookup, to print on its receipt; it replaces the one
 * printed before. Six digits (not the phone's four) because the slip is the only place it exists;
 * the lookup's lock after five wrong factors per quarter hour keeps guessing it impractical.
 */
export async function issueLookupPin(ctx: AppContext, dossierCode: string): Promise<string> {
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = {
    provinceCode: ctx.config.PROVINCE_CODE,
    dossierCode,
    pinHash: await hashPassword(pin),
    issuedAt: ctx.now(),
  };
  await ctx.db
    .insertInto('dossierLookupPin')
    .values(row)
    .onConflict((oc) => oc.columns(['provinceCode', 'dossierCode']).doUpdateSet({ pinHash: row.pinHash, issuedAt: row.issuedAt }))
    .execute();
  return pin;
}

/** True when `pin` is the dossier's current PIN. A dossier without one is checked all the same, so both take as long. */
export async function lookupPinMatches(ctx: AppContext, dossierCode: string, pin: string | undefined): Promise<boolean> {
  if (!pin || !SIX_DIGITS.test(pin)) return false;
  const row = await ctx.db
    .selectFrom('dossierLookupPin')
    .select('pinHash')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('dossierCode', '=', dossierCode)
    .executeTakeFirst();
  const ok = await verifyPassword(row?.pinHash ?? (await dummyPasswordHash()), pin);
  return row !== undefined && ok;
}
