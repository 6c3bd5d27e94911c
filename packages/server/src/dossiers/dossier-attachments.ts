import type { ProcedureDefinition } from '@dvc/domain';
import { getOwnedFiles, wrongTypeMessage } from '../files/files.service';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';

export interface CheckedAttachment {
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  digitized: boolean;
  /** No file: a VNeID-verified identity stands for the paper (dossier-identity.ts). */
  waivedBy?: 'verified-identity';
}

export type AttachmentCheck = { ok: true; value: CheckedAttachment[] } | { ok: false; errors: FieldError[] };

/**
 * Each attachment must name a component of the procedure and a file this user uploaded (the type
 * sniffed from its bytes must be one the component accepts); an online filing must carry every
 * mandatory component. An officer's scan of a paper component counts as digitized.
 */
export async function checkAttachments(
  ctx: AppContext,
  ownerId: string,
  procedure: ProcedureDefinition,
  attachments: Array<{ componentId: string; fileId: string }>,
  /** `waived`: components a verified identity replaces, not required (their absence is recorded as the waiver). */
  options: { requireMandatory: boolean; fieldPrefix?: string; waived?: ReadonlySet<string> },
): Promise<AttachmentCheck> {
  const prefix = options.fieldPrefix ?? 'body.attachments';
  const errors: FieldError[] = [];
  const components = new Map(procedure.components.map((c) => [c.id, c]));
  const value: CheckedAttachment[] = [];
  const files = await getOwnedFiles(
    ctx,
    ownerId,
    attachments.map((a) => ({ sha256: a.fileId, accepts: components.get(a.componentId)?.accepts })),
  );
  for (const [i, a] of attachments.entries()) {
    const component = components.get(a.componentId);
    if (!component) {
      errors.push({ field: `${prefix}.${i}.componentId`, message: 'Thành phần hồ sơ không thuộc thủ tục này' });
      continue;
    }
    const owned = files[i]!;
    if (!owned.ok) {
      errors.push({
        field: `${prefix}.${i}.fileId`,
        message:
          owned.reason === 'wrong_type' ? wrongTypeMessage(component.accepts) : 'Không tìm thấy tệp đã tải lên, vui lòng tải lại',
      });
      continue;
    }
    value.push({ ...a, fileName: owned.file.originalName, mediaType: owned.file.mediaType, digitized: true });
  }
  if (options.requireMandatory) {
    const given = new Set(attachments.map((a) => a.componentId));
    for (const c of procedure.components) {
      if (given.has(c.id)) continue;
      if (options.waived?.has(c.id))
        value.push({
          componentId: c.id,
          fileId: '',
          fileName: '',
          mediaType: '',
          digitized: true,
          waivedBy: 'verified-identity',
        });
      else if (c.mandatory) errors.push({ field: prefix, message: `Thiếu thành phần bắt buộc: ${c.name}` });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
