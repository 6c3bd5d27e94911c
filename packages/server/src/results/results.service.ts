import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type {
  HouseholdBusinessChangeForm,
  HouseholdBusinessRegistrationForm,
  HouseholdBusinessTerminationForm,
  PromotionNoticeForm,
} from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Signer } from '../documents/types';
import { verificationUrl } from '../documents/vn-format';
import { type DossierRow, findDossierRow } from '../dossiers/dossier.repository';
import { canSeeDossier } from '../dossiers/dossier-access';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import type { Actor } from '../identity/actor';
import type { HouseholdBusinessRow } from '../registry/registry.repository';
import {
  changeHouseholdBusiness,
  precheckRegister,
  type RegisterChange,
  registerHouseholdBusiness,
  terminateHouseholdBusiness,
} from '../registry/registry.service';
import {
  acknowledgementSummary,
  agencyHeading,
  certificateSummary,
  type IssueBase,
  noticeSummary,
  RESULT_TITLES,
  renderAcknowledgement,
  renderCertificate,
  renderNotice,
} from './result-documents';
import {
  type DossierResultRow,
  findSigningFacts,
  insertDossierResult,
  listDossierResults,
  markDossierResultFlags,
} from './results.repository';
import type { ResultKind, ResultSummary } from './results.tables';

/** Procedure code → the kind of result the system issues when the dossier is approved. */
export const RESULT_KIND_OF: Readonly<Record<string, ResultKind>> = {
  '1.001612': 'certificate', // Đăng ký thành lập hộ kinh doanh
  '2.000720': 'certificate', // Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (re-issued certificate)
  '1.001266': 'notice', // Chấm dứt hoạt động hộ kinh doanh
  'QNG-TB-KHUYEN-MAI': 'acknowledgement', // Thông báo hoạt động khuyến mại
};

export interface IssuedResult {
  kind: ResultKind;
  title: string;
  dossierCode: string;
  /** The number the document carries (the registration number for household businesses). */
  number: string;
  issuedAt: Date;
  verificationCode: string;
  verificationUrl: string;
  fileId: string;
  electronic: boolean;
  digitized: boolean;
}

export type IssueOutcome =
  | { ok: true; result: IssuedResult | null }
  | { ok: false; reason: 'not_found' | 'not_resolved' | 'name_taken' | 'other_authority' | 'terminated'; message: string };

/** 10 characters of base32 without look-alikes (no I, O, 0, 1): 50 random bits, typed from paper easily. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newVerificationCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b & 31]).join('');
}
export const VERIFICATION_CODE = /^[A-HJ-NP-Z2-9]{10}$/;

function publicUrlOf(ctx: AppContext): string {
  return ctx.config.PUBLIC_URL ?? `http://${ctx.config.HOST}:${ctx.config.PORT}`;
}

function toIssued(ctx: AppContext, r: DossierResultRow): IssuedResult {
  return {
    kind: r.kind,
    title: RESULT_TITLES[r.kind],
    dossierCode: r.dossierCode,
    number: r.summary.number,
    issuedAt: r.issuedAt,
    verificationCode: r.verificationCode,
    verificationUrl: verificationUrl(publicUrlOf(ctx), r.verificationCode),
    fileId: r.fileId,
    electronic: r.electronic,
    digitized: r.digitized,
  };
}

/** A refusal found inside the transaction: thrown to roll it back, caught and returned as a value. */
class Refusal extends Error {
  constructor(readonly outcome: Extract<IssueOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/**
 * Issues the result of a dossier that has just become `resolved` with an approving proposal — call
 * it right after the `resolve` event commits. Household business registration: a number from the
 * authority's serial, a row in the register, the certificate; change: a new version of the row and
 * an updated certificate; termination: the row terminated and a notice; promotion notice: an
 * acknowledgement. Each PDF goes to the blob store and gets a `dossier_result` row with the code of
 * its public verification page, all in one transaction.
 *
 * Idempotent: a dossier whose result exists gets it back. `{ ok: true, result: null }` = nothing to
 * issue (the proposal was to refuse, or the procedure has no generated result). A refusal (the name
 * was taken by another dossier meanwhile, the registration is gone) issues nothing and returns a
 * Vietnamese message for the leader.
 */
export async function onDossierResolved(ctx: AppContext, code: string): Promise<IssueOutcome> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const dossier = await findDossierRow(ctx.db, provinceCode, code);
  if (!dossier) return { ok: false, reason: 'not_found', message: 'Không tìm thấy hồ sơ' };
  if (dossier.status !== 'resolved' && dossier.status !== 'returned') {
    return { ok: false, reason: 'not_resolved', message: 'Hồ sơ chưa được hoàn thành xử lý nên chưa thể cấp kết quả' };
  }
  const kind = RESULT_KIND_OF[dossier.procedureCode];
  if (!kind || (dossier.snapshot as { proposedOutcome?: string }).proposedOutcome !== 'approve')
    return { ok: true, result: null };
  const existing = await listDossierResults(ctx.db, provinceCode, code);
  if (existing[0]) return { ok: true, result: toIssued(ctx, existing[0]) };

  const base = await issueBase(ctx, dossier);
  try {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const { buffer, summary, householdBusinessId } = await issueDocument(trx, base, dossier, kind);
      // Everything this system issues is born digital: an electronic document (with its verification
      // QR) kept in the electronic store, which is what both reporting flags count.
      const flags = { electronic: true, digitized: true };
      const { sha256 } = await blobStoreFor(ctx).put(buffer);
      const inserted = await insertDossierResult(trx, {
        provinceCode,
        dossierCode: code,
        kind,
        fileId: sha256,
        verificationCode: base.verificationCode,
        issuedAt: base.issuedAt,
        ...flags,
        householdBusinessId,
        summary: JSON.stringify(summary) as never,
      });
      await markDossierResultFlags(trx, provinceCode, code, flags);
      return inserted;
    });
    return { ok: true, result: toIssued(ctx, row) };
  } catch (err) {
    if (err instanceof Refusal) return err.outcome;
    if (!isUniqueViolation(err)) throw err;
    // Either another call issued this dossier's result first, or another dossier took the name
    // between our check and our insert.
    const again = await listDossierResults(ctx.db, provinceCode, code);
    if (again[0]) return { ok: true, result: toIssued(ctx, again[0]) };
    return {
      ok: false,
      reason: 'name_taken',
      message: 'Tên hộ kinh doanh vừa được đăng ký theo hồ sơ khác, vui lòng kiểm tra lại',
    };
  }
}

async function issueBase(ctx: AppContext, dossier: DossierRow): Promise<IssueBase> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const issuedAt = ctx.now();
  const { leaderName, agency } = await findSigningFacts(ctx.db, provinceCode, dossier.id, dossier.agencyCode);
  const issuer = agency ?? { name: dossier.agencyCode, unitCode: dossier.unitCode, level: 'commune' };
  const signer: Signer = {
    title: 'Lãnh đạo phê duyệt',
    name: leaderName ?? issuer.name,
    signedNote: 'Bản điện tử, xác minh bằng mã QR',
  };
  return {
    agency: await agencyHeading(ctx.db, provinceCode, issuer, issuedAt),
    issuerName: issuer.name,
    dossierCode: dossier.code,
    issuedAt,
    publicUrl: publicUrlOf(ctx),
    verificationCode: newVerificationCode(),
    signer,
  };
}

interface IssuedDocument {
  buffer: Buffer;
  summary: ResultSummary;
  householdBusinessId: string | null;
}

function registered(change: RegisterChange): HouseholdBusinessRow {
  if (change.ok) return change.row;
  throw new Refusal({ ok: false, reason: change.reason === 'not_found' ? 'not_found' : change.reason, message: change.message });
}

/** Changes the register (when the procedure does) and renders the document, inside the transaction. */
async function issueDocument(
  trx: Kysely<Database>,
  base: IssueBase,
  dossier: DossierRow,
  kind: ResultKind,
): Promise<IssuedDocument> {
  const input = {
    provinceCode: dossier.provinceCode,
    authorityAgencyCode: dossier.agencyCode,
    authorityUnitCode: dossier.unitCode,
    dossierCode: dossier.code,
    at: base.issuedAt,
  };
  // Forms were validated against the procedure's schema at filing and are stored parsed.
  const form = dossier.form as unknown;
  switch (dossier.procedureCode) {
    case '1.001612': {
      const f = form as HouseholdBusinessRegistrationForm;
      const row = registered(await registerHouseholdBusiness(trx, { ...input, id: randomUUID(), form: f }));
      const buffer = await renderCertificate(base, row, f.owner);
      return { buffer, summary: certificateSummary(base, row), householdBusinessId: row.id };
    }
    case '2.000720': {
      const f = form as HouseholdBusinessChangeForm;
      const row = registered(await changeHouseholdBusiness(trx, { ...input, form: f }));
      const owner = f.changes.owner ?? { fullName: row.ownerName, citizenId: row.ownerCitizenId };
      const buffer = await renderCertificate(base, row, owner);
      return { buffer, summary: certificateSummary(base, row), householdBusinessId: row.id };
    }
    case '1.001266': {
      const f = form as HouseholdBusinessTerminationForm;
      const row = registered(await terminateHouseholdBusiness(trx, { ...input, form: f }));
      return { buffer: await renderNotice(base, row, f), summary: noticeSummary(base, row), householdBusinessId: row.id };
    }
    default: {
      if (kind !== 'acknowledgement') throw new Error(`no issuer for ${dossier.procedureCode}`);
      const f = form as PromotionNoticeForm;
      const buffer = await renderAcknowledgement(base, dossier, f);
      return { buffer, summary: acknowledgementSummary(base, f), householdBusinessId: null };
    }
  }
}

/** The results of a dossier, for its detail view (`documents`). No access check: the caller's. */
export async function listResults(ctx: AppContext, dossierCode: string): Promise<IssuedResult[]> {
  return (await listDossierResults(ctx.db, ctx.config.PROVINCE_CODE, dossierCode)).map((r) => toIssued(ctx, r));
}

export type ResultFile =
  | { ok: true; fileName: string; mediaType: 'application/pdf'; body: Readable; result: IssuedResult }
  | { ok: false; reason: 'not_found' };

/**
 * The PDF of a dossier's result for someone who may see the dossier (its applicant, the officers
 * of its agency, province readers); anyone else gets 'not_found', as for a dossier without a result.
 */
export async function getResultFile(ctx: AppContext, actor: Actor, dossierCode: string): Promise<ResultFile> {
  const dossier = await findDossierRow(ctx.db, ctx.config.PROVINCE_CODE, dossierCode);
  if (!dossier || !canSeeDossier(actor, dossier)) return { ok: false, reason: 'not_found' };
  const rows = await listDossierResults(ctx.db, ctx.config.PROVINCE_CODE, dossierCode);
  const latest = rows.at(-1);
  if (!latest) return { ok: false, reason: 'not_found' };
  const body = await blobStoreFor(ctx).get(latest.fileId);
  if (!body) return { ok: false, reason: 'not_found' };
  const slug = {
    certificate: 'giay-chung-nhan-dang-ky-ho-kinh-doanh',
    acknowledgement: 'xac-nhan-thong-bao-khuyen-mai',
    notice: 'thong-bao-cham-dut-hoat-dong',
  }[latest.kind];
  return { ok: true, fileName: `${slug}-${dossierCode}.pdf`, mediaType: 'application/pdf', body, result: toIssued(ctx, latest) };
}

/**
 * For the leader's `resolve`: whether the result could be issued now (the name is still free, the
 * registration still active and this authority's). Call it before applying `resolve` to refuse early
 * with the message; `onDossierResolved` checks again inside its transaction (races).
 */
export async function checkResultIssuable(ctx: AppContext, code: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const dossier = await findDossierRow(ctx.db, provinceCode, code);
  if (!dossier) return { ok: false, message: 'Không tìm thấy hồ sơ' };
  if ((dossier.snapshot as { proposedOutcome?: string }).proposedOutcome !== 'approve') return { ok: true };
  const form = dossier.form as Record<string, unknown>;
  const problem = await precheckRegister(ctx.db, provinceCode, dossier.agencyCode, dossier.procedureCode, form);
  return problem ? { ok: false, message: problem } : { ok: true };
}
