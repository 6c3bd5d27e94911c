import { businessNameKey, TERMINAL_STATES } from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export { requestedBusinessName } from '@dvc/domain';

export const NAME_PENDING =
  'Tên hộ kinh doanh này đang được đề nghị đăng ký trong một hồ sơ khác chưa giải quyết xong tại cơ quan đăng ký nơi đặt trụ sở (trùng tên riêng)';

/**
 * Another open dossier at the authority asking for the same proper name (case and tone placement
 * aside, as the register compares), by the key each dossier carries from its filing
 * (`business_name_key`, the register's own `businessNameKey`).
 * `except`: at reception, the dossier itself; only dossiers filed earlier than it count (the first filer keeps the name).
 */
export async function findPendingNameClaim(
  db: Kysely<Database>,
  provinceCode: string,
  authorityAgencyCode: string,
  name: string,
  except?: { dossierId: string; code: string; submittedAt: Date },
): Promise<string | undefined> {
  let q = db
    .selectFrom('dossier')
    .select('code')
    .where('provinceCode', '=', provinceCode)
    .where('agencyCode', '=', authorityAgencyCode)
    .where('businessNameKey', '=', businessNameKey(name))
    // A resolved dossier has issued its register entry already: the register's own check covers it.
    .where('status', 'not in', [...TERMINAL_STATES, 'resolved'])
    .orderBy('submittedAt')
    .orderBy('code')
    .limit(1);
  if (except) {
    // Filed earlier, or in the same instant with an earlier code (the desks' daily numbers come in filing order).
    q = q
      .where('id', '!=', except.dossierId)
      .where((eb) =>
        eb.or([
          eb('submittedAt', '<', except.submittedAt),
          eb.and([eb('submittedAt', '=', except.submittedAt), eb('code', '<', except.code)]),
        ]),
      );
  }
  return (await q.executeTakeFirst())?.code;
}
