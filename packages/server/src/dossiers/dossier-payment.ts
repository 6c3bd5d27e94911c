import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { trackDossierChanges } from '../reports/index';
import type { DossierRow } from './dossier.repository';

/**
 * For the payment capability, inside its IPN transaction: records that the dossier's fee was paid
 * online. Not a lifecycle event (the status does not change) and not a version bump, so an
 * officer's concurrent action on the dossier is not refused because of it. Returns the row as it is
 * now (for the notification), or undefined when there is no such dossier.
 */
export async function markDossierPaid(
  trx: Kysely<Database>,
  provinceCode: string,
  code: string,
  at: Date,
): Promise<DossierRow | undefined> {
  return trackDossierChanges(trx, provinceCode, { codes: [code] }, () =>
    trx
      .updateTable('dossier')
      .set({ paidOnline: true, updatedAt: at })
      .where('provinceCode', '=', provinceCode)
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirst(),
  );
}

/**
 * For the payment capability, first in its IPN transaction: locks the dossier row so that the
 * notifications of two orders of one dossier are settled one after the other (the second sees the
 * fee paid). NO KEY UPDATE, as the paid flag's own update takes: it does not block payment inserts.
 */
export async function lockDossierForPayment(
  trx: Kysely<Database>,
  provinceCode: string,
  code: string,
): Promise<{ paidOnline: boolean } | undefined> {
  return trx
    .selectFrom('dossier')
    .select(['paidOnline'])
    .where('provinceCode', '=', provinceCode)
    .where('code', '=', code)
    .forNoKeyUpdate()
    .executeTakeFirst();
}
