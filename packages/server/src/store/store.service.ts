import type { ProcedureComponent } from '@dvc/domain';
import { factsOfDossiers } from '../catalog/index';
import { adoptStoredBlob, deleteOwnedFile, kindOf, listFilesOwnedBy } from '../files/index';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { agencyNames } from '../identity/index';
import { findHouseholdBusinessById } from '../registry/index';
import { type HeldResult, resultsHeldBy } from '../results/index';
import { attachedFileIds, type HeldComponentRow, listHeldComponents } from './store.repository';

export const NO_TIME_LIMIT = 'Không thời hạn';

/** One document of a citizen's store (Kho dữ liệu): a result, a digitized component, or an upload. */
export interface StoreDocument {
  /** `result-N`, `component-N` (an attachment of one of their dossiers) or `upload-<sha256>`. */
  id: string;
  source: 'result' | 'component' | 'upload';
  /** What reuse matches: a component's id, or a result's template. */
  documentKind: string;
  title: string;
  procedureName: string | null;
  issuerName: string;
  issuedAt: Date;
  dossierCode: string | null;
  /** Who digitized a component: the desk's signed scan, or the citizen's upload the desk accepted. */
  digitizedBy: 'desk' | 'citizen' | null;
  valid: boolean;
  /** Where known (a result that expires); null: no time limit, or no longer valid at all. */
  validUntil: Date | null;
  validityText: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  downloadUrl: string;
  /** Only the citizen's own uploads that no dossier holds may be deleted. */
  deletable: boolean;
  /** A household business certificate: the register's entry, which prefills a later change or termination. */
  business?: { registrationNumber: string; ownerCitizenId: string; name: string };
}

const ID = /^(?:(result|component)-([0-9]{1,18})|upload-([0-9a-f]{64}))$/;

function parseId(id: string): { source: StoreDocument['source']; key: string } | undefined {
  const m = ID.exec(id);
  if (!m) return undefined;
  return m[3] ? { source: 'upload', key: m[3] } : { source: m[1] as 'result' | 'component', key: m[2]! };
}

async function resultDocuments(ctx: AppContext, results: HeldResult[]): Promise<StoreDocument[]> {
  return Promise.all(
    results.map(async (r) => {
      const business =
        r.householdBusinessId && r.status === 'valid'
          ? await findHouseholdBusinessById(ctx.db, ctx.config.PROVINCE_CODE, r.householdBusinessId)
          : undefined;
      return {
        id: `result-${r.id}`,
        source: 'result' as const,
        documentKind: r.documentKind,
        title: r.title,
        procedureName: null,
        issuerName: r.issuerName,
        issuedAt: r.issuedAt,
        dossierCode: r.dossierCode,
        digitizedBy: null,
        valid: r.status === 'valid',
        validUntil: null,
        validityText: r.status === 'valid' ? NO_TIME_LIMIT : r.statusLabel,
        fileId: r.fileId,
        fileName: `${r.documentKind}-${r.dossierCode}.pdf`,
        mediaType: 'application/pdf',
        downloadUrl: `/api/v1/dossiers/${r.dossierCode}/result`,
        deletable: false,
        ...(business && business.status === 'active'
          ? {
              business: {
                registrationNumber: business.registrationNumber,
                ownerCitizenId: business.ownerCitizenId,
                name: business.name,
              },
            }
          : {}),
      };
    }),
  );
}

async function componentDocuments(ctx: AppContext, ownerId: string, rows: HeldComponentRow[]): Promise<StoreDocument[]> {
  const [factsOf, agencies] = await Promise.all([
    factsOfDossiers(ctx, rows),
    agencyNames(
      ctx.db,
      ctx.config.PROVINCE_CODE,
      rows.map((r) => r.agencyCode),
    ),
  ]);
  return rows.map((r) => {
    const facts = factsOf(r);
    return {
      id: `component-${r.id}`,
      source: 'component' as const,
      documentKind: r.componentId,
      title: facts?.components.find((c) => c.id === r.componentId)?.name ?? r.componentId,
      procedureName: facts?.name ?? r.procedureCode,
      issuerName: agencies.get(r.agencyCode) ?? r.agencyCode,
      issuedAt: r.addedAt,
      dossierCode: r.dossierCode,
      digitizedBy: r.addedBy === ownerId ? ('citizen' as const) : ('desk' as const),
      valid: true,
      validUntil: null,
      validityText: NO_TIME_LIMIT,
      fileId: r.fileId,
      fileName: r.fileName,
      mediaType: r.mediaType,
      downloadUrl: `/api/v1/files/${r.fileId}`,
      deletable: false,
    };
  });
}

/** The citizen's uploads that no dossier holds (a paper picked for a filing never sent): theirs to delete. */
async function looseUploads(ctx: AppContext, ownerId: string, resultFiles: Set<string>): Promise<StoreDocument[]> {
  const files = (await listFilesOwnedBy(ctx.db, ctx.config.PROVINCE_CODE, ownerId)).filter((f) => !resultFiles.has(f.sha256));
  const attached = await attachedFileIds(
    ctx.db,
    ctx.config.PROVINCE_CODE,
    files.map((f) => f.sha256),
  );
  return files
    .filter((f) => !attached.has(f.sha256))
    .map((f) => ({
      id: `upload-${f.sha256}`,
      source: 'upload' as const,
      documentKind: 'tep-tai-len',
      title: f.originalName,
      procedureName: null,
      issuerName: 'Tự tải lên, chưa nộp kèm hồ sơ nào',
      issuedAt: new Date(f.createdAt),
      dossierCode: null,
      digitizedBy: 'citizen' as const,
      valid: false,
      validUntil: null,
      validityText: 'Chưa được cơ quan tiếp nhận',
      fileId: f.sha256,
      fileName: f.originalName,
      mediaType: f.mediaType,
      downloadUrl: `/api/v1/files/${f.sha256}`,
      deletable: true,
    }));
}

/** Everything in the citizen's store, results first, then components, then loose uploads; newest first in each. */
export async function listStoreDocuments(ctx: AppContext, ownerId: string): Promise<StoreDocument[]> {
  const [results, components] = await Promise.all([
    resultsHeldBy(ctx, ownerId),
    listHeldComponents(ctx.db, ctx.config.PROVINCE_CODE, ownerId),
  ]);
  return [
    ...(await resultDocuments(ctx, results)),
    ...(await componentDocuments(ctx, ownerId, components)),
    ...(await looseUploads(ctx, ownerId, new Set(results.map((r) => r.fileId)))),
  ];
}

/** One document of the citizen's store by its id; undefined if it is not theirs (→ 404). */
export async function findStoreDocument(ctx: AppContext, ownerId: string, id: string): Promise<StoreDocument | undefined> {
  const parsed = parseId(id);
  if (!parsed) return undefined;
  if (parsed.source === 'result') return (await resultDocuments(ctx, await resultsHeldBy(ctx, ownerId, [parsed.key])))[0];
  if (parsed.source === 'component') {
    const rows = await listHeldComponents(ctx.db, ctx.config.PROVINCE_CODE, ownerId, [parsed.key]);
    return (await componentDocuments(ctx, ownerId, rows))[0];
  }
  return (await looseUploads(ctx, ownerId, new Set())).find((d) => d.id === id);
}

/** Whether a stored document may stand for this component: same kind (or one it names), valid, a type it takes. */
export function canStandFor(doc: StoreDocument, component: Pick<ProcedureComponent, 'id' | 'accepts' | 'reusableFrom'>): boolean {
  if (doc.source === 'upload' || !doc.valid) return false;
  const kind = kindOf(doc.mediaType);
  const sameKind = doc.documentKind === component.id || (component.reusableFrom ?? []).includes(doc.documentKind);
  return sameKind && kind !== undefined && component.accepts.includes(kind);
}

/** For each component of the procedure, the stored documents the citizen may give instead of an upload. */
export function offersFor(
  documents: StoreDocument[],
  components: ReadonlyArray<Pick<ProcedureComponent, 'id' | 'accepts' | 'reusableFrom'>>,
): Array<{ componentId: string; documentIds: string[] }> {
  return components
    .map((c) => ({ componentId: c.id, documentIds: documents.filter((d) => canStandFor(d, c)).map((d) => d.id) }))
    .filter((o) => o.documentIds.length > 0);
}

export type DeleteOutcome = { ok: true } | Failure<'not_found' | 'kept', { message: string }>;

export async function deleteStoreDocument(ctx: AppContext, ownerId: string, id: string): Promise<DeleteOutcome> {
  const doc = await findStoreDocument(ctx, ownerId, id);
  if (!doc) {
    // Their own upload that a dossier holds is listed under that dossier's papers: kept with it.
    const sha = parseId(id)?.source === 'upload' ? parseId(id)?.key : undefined;
    const owned = sha && (await listFilesOwnedBy(ctx.db, ctx.config.PROVINCE_CODE, ownerId)).some((f) => f.sha256 === sha);
    if (owned) return { ok: false, reason: 'kept', message: 'Tệp này đã nộp kèm hồ sơ, không xóa được' };
    return { ok: false, reason: 'not_found', message: 'Không tìm thấy giấy tờ trong Kho dữ liệu' };
  }
  if (doc.source === 'result')
    return { ok: false, reason: 'kept', message: 'Kết quả giải quyết do cơ quan nhà nước cấp, không xóa khỏi Kho dữ liệu được' };
  if (!doc.deletable)
    return {
      ok: false,
      reason: 'kept',
      message: `Giấy tờ này thuộc hồ sơ ${doc.dossierCode ?? ''}, không xóa được`.replace(' ,', ','),
    };
  const deleted = await deleteOwnedFile(ctx.db, ctx.config.PROVINCE_CODE, ownerId, doc.fileId);
  return deleted ? { ok: true } : { ok: false, reason: 'not_found', message: 'Không tìm thấy giấy tờ trong Kho dữ liệu' };
}

/** A reused document checked for the component it is given for, ready to be attached. */
export interface ReusedAttachment {
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  digitized: true;
  reusedKind: 'result' | 'component';
  reusedFromDossier: string;
}

export type ReuseCheck = { ok: true; value: ReusedAttachment } | { ok: false; message: string };

/**
 * Each asked reuse: the document must be the citizen's, still valid, and of the component's kind.
 * A result's PDF becomes a file of the citizen's, so the desk reads it as any attachment.
 */
export async function checkReusedDocuments(
  ctx: AppContext,
  ownerId: string,
  asked: Array<{ component: Pick<ProcedureComponent, 'id' | 'accepts' | 'reusableFrom'>; documentId: string }>,
): Promise<ReuseCheck[]> {
  if (asked.length === 0) return [];
  const found = await Promise.all(asked.map((a) => findStoreDocument(ctx, ownerId, a.documentId)));
  return Promise.all(
    asked.map(async ({ component, documentId }, i): Promise<ReuseCheck> => {
      const doc = found[i];
      if (!doc || doc.source === 'upload') return { ok: false, message: 'Không tìm thấy giấy tờ này trong Kho dữ liệu của bạn' };
      if (!doc.valid) return { ok: false, message: `Giấy tờ đã hết hiệu lực: ${doc.validityText}` };
      if (!canStandFor(doc, component)) return { ok: false, message: 'Giấy tờ này không thay được thành phần hồ sơ này' };
      if (doc.source === 'result' && !(await adoptStoredBlob(ctx, ownerId, doc.fileId, doc.fileName)))
        return { ok: false, message: 'Không tìm thấy tệp của giấy tờ này, vui lòng tải lên bản khác' };
      return {
        ok: true,
        value: {
          componentId: component.id,
          fileId: doc.fileId,
          fileName: doc.fileName,
          mediaType: doc.mediaType,
          digitized: true,
          reusedKind: doc.source,
          reusedFromDossier: doc.dossierCode!,
        },
      };
    }),
  );
}
