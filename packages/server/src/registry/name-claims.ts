import { businessNameKey, TERMINAL_STATES } from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const NAME_PENDING =
  'Tên hộ kinh doanh này đang được đề nghị đăng ký trong một hồ sơ khác chưa giải quyết xong tại cơ quan đăng ký nơi đặt trụ sở (trùng tên riêng)';

/** The name a register dossier asks for: a registration's own, or a change's new one. */
export function requestedBusinessName(form: Record<string, unknown>): string | undefined {
  const changes = form.changes as Record<string, unknown> | undefined;
  const name = form.businessName ?? changes?.businessName;
  return typeof name === 'string' && name.trim() ? name : undefined;
}

/**
 * Whether another open dossier at the authority asks for the same proper name (case and tone
 * placement aside, as the register compares). The key is computed here, not in SQL, so it is the
 * register's own; the open dossiers of one authority that carry a name are few.
 * `except`: at reception, the dossier itself; only dossiers filed earlier than it count (the first filer keeps the name).
 */
export async function findPendingNameClaim(
  db: Kysely<Database>,
  provinceCode: string,
  authorityAgencyCode: string,
  name: string,
  except?: { dossierId: string; code: string; submittedAt: Date },
): Promise<string | undefined> {
  const key = businessNameKey(name);
  let q = db
    .selectFrom('dossier')
    .select(['id', 'code', 'form', 'submittedAt'])
    .where('provinceCode', '=', provinceCode)
    .where('agencyCode', '=', authorityAgencyCode)
    // A resolved dossier has issued its register entry already: the register's own check covers it.
    .where('status', 'not in', [...TERMINAL_STATES, 'resolved'])
    .where((eb) =>
      eb.or([
        eb(eb.ref('form', '->>').key('businessName'), 'is not', null),
        eb(eb.ref('form', '->').key('changes'), 'is not', null),
      ]),
    );
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
  for (const row of await q.execute()) {
    const other = requestedBusinessName(row.form as Record<string, unknown>);
    if (other && businessNameKey(other) === key) return row.code;
  }
  return undefined;
}
