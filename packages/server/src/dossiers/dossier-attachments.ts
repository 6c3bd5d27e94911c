import type { ProcedureDefinition } from '@dvc/domain';
import { getOwnedFiles, wrongTypeMessage } from '../files/files.service';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import { checkReusedDocuments } from '../store/index';

export interface CheckedAttachment {
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  digitized: boolean;
  /** Given from the citizen's document store instead of an upload (issue 18). */
  reusedKind?: 'result' | 'component';
  reusedFromDossier?: string;
  /** No file: a VNeID-verified identity stands for the paper (dossier-identity.ts). */
  waivedBy?: 'verified-identity';
}

/** An upload (`fileId`) or a document of the filer's store given instead (`reusedDocumentId`). */
export type AttachmentInput =
  | { componentId: string; fileId: string; reusedDocumentId?: undefined }
  | { componentId: string; reusedDocumentId: string; fileId?: undefined };

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
  attachments: AttachmentInput[],
  /** `waived`: components a verified identity replaces, not required (their absence is recorded as the waiver). */
  options: { requireMandatory: boolean; fieldPrefix?: string; waived?: ReadonlySet<string> },
): Promise<AttachmentCheck> {
  const prefix = options.fieldPrefix ?? 'body.attachments';
  const errors: FieldError[] = [];
  const components = new Map(procedure.components.map((c) => [c.id, c]));
  const value: CheckedAttachment[] = [];
  const uploads = attachments.flatMap((a, i) => (a.fileId === undefined ? [] : [{ a, i }]));
  const files = await getOwnedFiles(
    ctx,
    ownerId,
    uploads.map(({ a }) => ({ sha256: a.fileId!, accepts: components.get(a.componentId)?.accepts })),
  );
  const reuses = attachments.flatMap((a, i) => {
    const component = components.get(a.componentId);
    return a.reusedDocumentId === undefined || !component ? [] : [{ i, component, documentId: a.reusedDocumentId }];
  });
  const reused = await checkReusedDocuments(ctx, ownerId, reuses);
  for (const [i, a] of attachments.entries()) {
    const component = components.get(a.componentId);
    if (!component) {
      errors.push({ field: `${prefix}.${i}.componentId`, message: 'Thành phần hồ sơ không thuộc thủ tục này' });
      continue;
    }
    if (a.fileId === undefined) {
      const r = reused[reuses.findIndex((x) => x.i === i)]!;
      if (r.ok) value.push(r.value);
      else errors.push({ field: `${prefix}.${i}.reusedDocumentId`, message: r.message });
      continue;
    }
    const owned = files[uploads.findIndex((u) => u.i === i)]!;
    if (!owned.ok) {
      errors.push({
        field: `${prefix}.${i}.fileId`,
        message:
          owned.reason === 'wrong_type' ? wrongTypeMessage(component.accepts) : 'Không tìm thấy tệp đã tải lên, vui lòng tải lại',
      });
      continue;
    }
    value.push({
      componentId: a.componentId,
      fileId: a.fileId,
      fileName: owned.file.originalName,
      mediaType: owned.file.mediaType,
      digitized: true,
    });
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
