import type { Kysely } from 'kysely';
import { factsOfDossier } from '../catalog/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/actor';
import { trackDossierChanges } from '../reports/index';
import type { DossierRow } from './dossier.repository';
import { type DossierResult, invalid } from './dossier.result';
import { checkAttachments } from './dossier-attachments';
import { applyDossierEvent } from './dossier-events.service';
import { findVisibleDossier } from './dossier-queries.service';

/**
 * The citizen answers a supplement request from the phone: the new papers are attached (as the
 * round of that request) and the clock resumes, in one transaction.
 */
export async function provideSupplement(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: { note?: string; attachments: Array<{ componentId: string; fileId: string }> },
  inTransaction: (trx: Kysely<Database>, row: DossierRow) => Promise<void>,
): Promise<DossierResult<DossierRow>> {
  const row = await findVisibleDossier(ctx, actor, code);
  const procedure = row ? await factsOfDossier(ctx, row) : undefined;
  if (!row || !procedure) return { ok: false, reason: 'not_found', message: 'Không tìm thấy hồ sơ' };
  if (input.attachments.length === 0 && !input.note) {
    return invalid([{ field: 'body.attachments', message: 'Đính kèm giấy tờ bổ sung hoặc ghi nội dung bổ sung' }]);
  }
  const checked = await checkAttachments(ctx, actor.userId, procedure, input.attachments, { requireMandatory: false });
  if (!checked.ok) return invalid(checked.errors);
  const event = { type: 'supplement_provided', ...(input.note ? { note: input.note } : {}) };
  return applyDossierEvent(ctx, actor, code, event, async (trx, updated) => {
    const now = ctx.now();
    for (const a of checked.value) {
      await trx
        .insertInto('dossierAttachment')
        .values({
          provinceCode: updated.provinceCode,
          dossierId: updated.id,
          ...a,
          addedBy: actor.userId,
          addedAt: now,
          round: updated.supplementCount,
        })
        .execute();
    }
    if (checked.value.length > 0) {
      await trackDossierChanges(trx, updated.provinceCode, { ids: [updated.id] }, () =>
        trx
          .updateTable('dossier')
          .set((eb) => ({
            componentsTotal: eb('componentsTotal', '+', checked.value.length),
            componentsDigitized: eb('componentsDigitized', '+', checked.value.length),
          }))
          .where('id', '=', updated.id)
          .execute(),
      );
    }
    await inTransaction(trx, updated);
  });
}
