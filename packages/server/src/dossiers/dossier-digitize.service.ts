import type { Kysely } from 'kysely';
import { factsOfDossier } from '../catalog/index';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/actor';
import { trackDossierChanges } from '../reports/index';
import { signScan } from '../signing/scan';
import type { DossierRow } from './dossier.repository';
import { type DossierResult, invalid } from './dossier.result';
import { lifecycleRoles } from './dossier-access';
import { checkAttachments } from './dossier-attachments';
import { findVisibleDossier } from './dossier-queries.service';

/**
 * The desk scans a paper component of a dossier (issue 4.5: "digitizes its components by scan/photo
 * upload, each component marked digitized or not"): the paper entry becomes a digitized one, or a new
 * digitized component is added; the dossier's counts follow. Not a lifecycle step: no state changes.
 */
export async function digitizeComponent(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: { componentId: string; fileId: string },
  inTransaction: (trx: Kysely<Database>, row: DossierRow) => Promise<void>,
): Promise<DossierResult<DossierRow>> {
  const row = await findVisibleDossier(ctx, actor, code);
  const procedure = row ? await factsOfDossier(ctx, row) : undefined;
  if (!row || !procedure) return { ok: false, reason: 'not_found', message: 'Không tìm thấy hồ sơ' };
  if (!lifecycleRoles(actor, row).includes('receiver')) {
    return { ok: false, reason: 'forbidden_role', message: 'Chỉ cán bộ tiếp nhận của cơ quan được số hóa hồ sơ' };
  }
  const checked = await checkAttachments(ctx, actor.userId, procedure, [input], { requireMandatory: false });
  if (!checked.ok) return invalid(checked.errors);
  // Signed before the transaction (officer with a standing OTP authorization, else the desk's seal).
  const scan = await signScan(ctx, actor.userId, row.agencyCode, row.code, checked.value[0]!);
  await ctx.db.transaction().execute(async (trx) => {
    const paper = await trx
      .selectFrom('dossierAttachment')
      .select('id')
      .where('dossierId', '=', row.id)
      .where('componentId', '=', scan.componentId)
      .where('digitized', '=', false)
      .executeTakeFirst();
    const values = {
      fileId: scan.fileId,
      fileName: scan.fileName,
      mediaType: scan.mediaType,
      digitized: true,
      addedBy: actor.userId,
      addedAt: ctx.now(),
    };
    if (paper) await trx.updateTable('dossierAttachment').set(values).where('id', '=', paper.id).execute();
    else
      await trx
        .insertInto('dossierAttachment')
        .values({ provinceCode: row.provinceCode, dossierId: row.id, componentId: scan.componentId, ...values })
        .execute();
    await trackDossierChanges(trx, row.provinceCode, { ids: [row.id] }, () =>
      trx
        .updateTable('dossier')
        .set((eb) => ({
          componentsDigitized: eb('componentsDigitized', '+', 1),
          componentsTotal: paper ? eb.ref('componentsTotal') : eb('componentsTotal', '+', 1),
          updatedAt: ctx.now(),
        }))
        .where('id', '=', row.id)
        .execute(),
    );
    await inTransaction(trx, row);
  });
  return { ok: true, value: row };
}
