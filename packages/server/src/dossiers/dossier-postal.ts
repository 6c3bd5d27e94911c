import { transition } from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { notifyDossierChange } from '../notifications/outbox';
import { queuePortalSync } from '../portal-sync/portal-sync.outbox';
import { trackDossierChanges } from '../reports/index';
import { appendDossierEvent, type DossierRow } from './dossier.repository';
import { eventColumns, reviveSnapshot, snapshotColumns } from './dossier-snapshot';

/** What the postal capability reads of dossiers whose result goes by post (postal/). */

/** Resolved dossiers whose applicant chose the post: their results wait for a postal order. */
export function resolvedForPost(ctx: AppContext, limit = 100): Promise<DossierRow[]> {
  return ctx.db
    .selectFrom('dossier')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('status', '=', 'resolved')
    .where('delivery', '=', 'post')
    .orderBy('finishedAt')
    .limit(limit)
    .execute();
}

/** Where the result is sent: the form's postal address, else the owner's or applicant's residence. */
export function postalAddressOf(form: Record<string, unknown>): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const person = (key: string) => (form[key] && typeof form[key] === 'object' ? (form[key] as Record<string, unknown>) : {});
  return text(form.postalAddress) ?? text(person('owner').residence) ?? text(person('applicant').residence);
}

/**
 * The system returns the result by post once the postal order exists (its tracking number), in the
 * caller's transaction: the state change, its event, the citizen's notice ("đã được gửi qua bưu
 * chính, mã vận đơn …") and the portal message together. A dossier no longer awaiting its return
 * (the desk returned it some other way) is left as it is: false.
 */
export async function returnByPost(ctx: AppContext, trx: Kysely<Database>, dossierId: string, trackingNumber: string) {
  const current = await trx
    .selectFrom('dossier')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', dossierId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return false;
  const now = ctx.now();
  const result = transition(
    reviveSnapshot(current.snapshot),
    { type: 'return_result', delivery: 'post', trackingNumber },
    { role: 'system', userId: 'system' },
    now,
  );
  if (!result.ok) return false;
  const row = await trackDossierChanges(trx, current.provinceCode, { ids: [current.id] }, () =>
    trx
      .updateTable('dossier')
      .set({ ...snapshotColumns(result.next), ...eventColumns(result.record), version: current.version + 1, updatedAt: now })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  const last = await trx
    .selectFrom('dossierEvent')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('dossierId', '=', current.id)
    .executeTakeFirstOrThrow();
  await appendDossierEvent(trx, ctx.config.PROVINCE_CODE, current.id, Number(last.seq ?? 0) + 1, result.record);
  await notifyDossierChange(trx, { row, record: result.record });
  await queuePortalSync(trx, { row, record: result.record });
  return true;
}
