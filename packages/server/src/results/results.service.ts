import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DossierSnapshot } from '@dvc/domain';
import type { Signer } from '../documents/types';
import { verificationUrl } from '../documents/vn-format';
import { canSeeDossier, type EventFacts, findDossier } from '../dossiers/index';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import { type Failure, type Refused, refusals, refuse } from '../http/refusal';
import type { Actor } from '../identity/actor';
import { isSigningRefusal, SIGNING_REFUSALS, type SigningFailure, signIssuedPdf, signingReadiness } from '../signing/index';
import { definitionOfDossier } from './definition-of-dossier';
import { type Db, type Definition, type IssueBase, IssueRefusal, issuerOf, type ResultDossier } from './issuers/index';
import { agencyHeading } from './result-documents';
import { type DossierResultRow, findSigningFacts, insertDossierResult, listDossierResults } from './results.repository';
import type { ResultKind } from './results.tables';

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
  | Failure<'not_found' | 'not_resolved' | 'name_taken' | 'other_authority' | 'terminated' | 'signing', { message: string }>;

/** Why a leader's resolution is refused before anything is written: the issuer's objection, or the signing's. */
export type ResolutionFailure = Failure<'result_blocked', { message: string }> | SigningFailure;

/**
 * How a refused resolution answers (the dossier's events route applies it): an objection to the
 * result, also one found inside the resolving transaction (IssueRefusal, see `resolutionRefusal`),
 * is 409 result-blocked titled with its message; a refusal to sign answers as the signing's.
 */
export const RESOLUTION_REFUSALS = refusals<ResolutionFailure>({
  ...SIGNING_REFUSALS,
  result_blocked: { status: 409, code: 'result-blocked' },
});

/** The refusal to answer for an error thrown out of the resolving transaction, if it is the issuer's objection. */
export function resolutionRefusal(err: unknown): Refused | undefined {
  if (!(err instanceof IssueRefusal)) return undefined;
  return refuse({ ok: false, reason: 'result_blocked', message: err.message }, RESOLUTION_REFUSALS);
}

/** 10 characters of base32 without look-alikes (no I, O, 0, 1): 50 random bits, typed from paper easily. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newVerificationCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b & 31]).join('');
}
export const VERIFICATION_CODE = /^[A-HJ-NP-Z2-9]{10}$/;

const NOT_FOUND = 'Không tìm thấy hồ sơ';
const NAME_TAKEN_MEANWHILE = 'Tên hộ kinh doanh vừa được đăng ký theo hồ sơ khác, vui lòng kiểm tra lại';

function publicUrlOf(ctx: AppContext): string {
  return ctx.config.PUBLIC_URL ?? `http://${ctx.config.HOST}:${ctx.config.PORT}`;
}

function toIssued(ctx: AppContext, r: DossierResultRow): IssuedResult {
  return {
    kind: r.kind,
    title: r.summary.title,
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

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/** Whether the definition's issuer issues a document (to be signed), not only records the outcome. */
function issuesDocument(definition: Definition): boolean {
  return issuerOf(definition).name !== 'recorded-outcome';
}

function approved(snapshot: unknown): boolean {
  return (snapshot as Partial<DossierSnapshot>).proposedOutcome === 'approve';
}

/**
 * Inside a transaction: the result of an approved dossier by its definition's issuer (the register
 * changed, the PDF rendered and stored, a `dossier_result` row with its verification code), or null
 * when the issuer issues no document. A dossier whose result exists gets it back. Throws IssueRefusal.
 */
async function issueWithin(
  ctx: AppContext,
  trx: Db,
  dossier: ResultDossier,
  definition: Definition | undefined,
  signerId?: string,
): Promise<DossierResultRow | null> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const existing = await listDossierResults(trx, provinceCode, dossier.code);
  if (existing[0]) return existing[0];
  const issuer = issuerOf(definition);
  if (!definition) return null;
  const base = await issueBase(ctx, trx, dossier);
  const document = await issuer.issue(trx, { base, dossier, definition });
  if (!document) return null;
  // Signed by the resolving leader (re-issued: by whoever resolved it, or the agency's seal when no
  // resolver is recorded); a refusal to sign throws a problem that rolls the issuing transaction back.
  const signed = ctx.config.signing.unsignedResults
    ? document.buffer
    : await signIssuedPdf(ctx, trx, {
        pdf: document.buffer,
        kind: document.kind,
        dossierCode: dossier.code,
        ...(signerId ? { officerId: signerId } : { sealOfAgency: dossier.agencyCode }),
      });
  const { sha256 } = await blobStoreFor(ctx).put(signed);
  return insertDossierResult(trx, {
    provinceCode,
    dossierCode: dossier.code,
    kind: document.kind,
    fileId: sha256,
    verificationCode: base.verificationCode,
    issuedAt: base.issuedAt,
    // Everything this system issues is born digital: an electronic document (with its verification
    // QR) kept in the electronic store, which is what both reporting flags count.
    electronic: true,
    digitized: true,
    householdBusinessId: document.householdBusinessId,
    summary: JSON.stringify(document.summary) as never,
  });
}

/**
 * For the leader's `resolve` (decision 010): checks first, outside any transaction, that the result
 * can be issued (the name is still free, the registration still active and this authority's), then
 * gives the facts function that `applyDossierEvent` runs inside the resolving transaction. It issues
 * the result there and records it in the `resolve` event, whose projection sets the result flags; a
 * refusal found there (a race) throws IssueRefusal and nothing of the resolution is written.
 */
export async function prepareResolution(
  ctx: AppContext,
  code: string,
  resolver?: Pick<Actor, 'userId' | 'roles'>,
): Promise<{ ok: true; issue: EventFacts } | ResolutionFailure> {
  const dossier = await findDossier(ctx, code);
  if (!dossier) return { ok: false, reason: 'result_blocked', message: NOT_FOUND };
  const definition = await definitionOfDossier(ctx, dossier);
  // Only a leader of the dossier's agency resolves it; anyone else is refused by the lifecycle, not asked for an OTP.
  const leaderId = resolver?.roles.some((r) => r.role === 'leader' && r.agencyCode === dossier.agencyCode)
    ? resolver.userId
    : undefined;
  if (approved(dossier.snapshot) && definition) {
    const problem = await issuerOf(definition).precheck(ctx.db, dossier, definition);
    if (problem) return { ok: false, reason: 'result_blocked', message: problem };
    // The result is signed with the leader's own credential: without their standing OTP
    // authorization, nothing is resolved and the dialog asks for the OTP.
    if (leaderId && issuesDocument(definition) && !ctx.config.signing.unsignedResults) {
      const ready = await signingReadiness(ctx, leaderId);
      if (!ready.ok) return ready;
    }
  }
  const issue: EventFacts = async (trx, row, next) => {
    if (next.proposedOutcome !== 'approve') return undefined;
    let issued: DossierResultRow | null;
    try {
      issued = await issueWithin(ctx, trx, row, definition, resolver?.userId);
    } catch (err) {
      // Another dossier took the name between the check and the insert (the partial unique index).
      if (isUniqueViolation(err)) throw new IssueRefusal('name_taken', NAME_TAKEN_MEANWHILE);
      throw err;
    }
    if (!issued) return undefined;
    const { kind, electronic, digitized } = issued;
    return { result: { kind, number: issued.summary.number, electronic, digitized } };
  };
  return { ok: true, issue };
}

/**
 * Issues the result of a dossier that is already `resolved` with an approving proposal, in its own
 * transaction: for a result that could not be issued with its resolution. The `resolve` route issues
 * within the resolution itself (prepareResolution); this one writes no dossier row (decision 010).
 *
 * Idempotent: a dossier whose result exists gets it back. `{ ok: true, result: null }` = nothing to
 * issue (the proposal was to refuse, or the issuer issues no document). A refusal (the name was taken
 * by another dossier meanwhile, the registration is gone) issues nothing and returns a Vietnamese
 * message for the leader.
 */
export async function onDossierResolved(ctx: AppContext, code: string): Promise<IssueOutcome> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const dossier = await findDossier(ctx, code);
  if (!dossier) return { ok: false, reason: 'not_found', message: NOT_FOUND };
  if (dossier.status !== 'resolved' && dossier.status !== 'returned') {
    return { ok: false, reason: 'not_resolved', message: 'Hồ sơ chưa được hoàn thành xử lý nên chưa thể cấp kết quả' };
  }
  if (!approved(dossier.snapshot)) return { ok: true, result: null };
  const definition = await definitionOfDossier(ctx, dossier);
  try {
    const row = await ctx.db.transaction().execute((trx) => issueWithin(ctx, trx, dossier, definition));
    return { ok: true, result: row ? toIssued(ctx, row) : null };
  } catch (err) {
    if (err instanceof IssueRefusal) return { ok: false, reason: err.reason, message: err.message };
    if (isSigningRefusal(err)) return { ok: false, reason: 'signing', message: err.failure.message };
    if (!isUniqueViolation(err)) throw err;
    // Either another call issued this dossier's result first, or another dossier took the name
    // between our check and our insert.
    const again = await listDossierResults(ctx.db, provinceCode, code);
    if (again[0]) return { ok: true, result: toIssued(ctx, again[0]) };
    return { ok: false, reason: 'name_taken', message: NAME_TAKEN_MEANWHILE };
  }
}

async function issueBase(ctx: AppContext, db: Db, dossier: ResultDossier): Promise<IssueBase> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const issuedAt = ctx.now();
  const { leaderName, agency } = await findSigningFacts(db, provinceCode, dossier.id, dossier.agencyCode);
  const issuer = agency ?? { name: dossier.agencyCode, unitCode: dossier.unitCode, level: 'commune' };
  const signer: Signer = {
    title: 'Lãnh đạo phê duyệt',
    name: leaderName ?? issuer.name,
    signedNote: 'Bản điện tử, xác minh bằng mã QR',
  };
  return {
    agency: await agencyHeading(db, provinceCode, issuer, issuedAt),
    issuerName: issuer.name,
    dossierCode: dossier.code,
    issuedAt,
    publicUrl: publicUrlOf(ctx),
    verificationCode: newVerificationCode(),
    signer,
  };
}

/** The results of a dossier, for its detail view (`documents`). No access check: the caller's. */
export async function listResults(ctx: AppContext, dossierCode: string): Promise<IssuedResult[]> {
  return (await listDossierResults(ctx.db, ctx.config.PROVINCE_CODE, dossierCode)).map((r) => toIssued(ctx, r));
}

export type ResultFile =
  | { ok: true; fileName: string; mediaType: 'application/pdf'; body: Readable; result: IssuedResult }
  | Failure<'not_found'>;

/**
 * The PDF of a dossier's result for someone who may see the dossier (its applicant, the officers
 * of its agency, province readers); anyone else gets 'not_found', as for a dossier without a result.
 */
export async function getResultFile(ctx: AppContext, actor: Actor, dossierCode: string): Promise<ResultFile> {
  const dossier = await findDossier(ctx, dossierCode);
  if (!dossier || !canSeeDossier(actor, dossier)) return { ok: false, reason: 'not_found' };
  const rows = await listDossierResults(ctx.db, ctx.config.PROVINCE_CODE, dossierCode);
  const latest = rows.at(-1);
  if (!latest) return { ok: false, reason: 'not_found' };
  const body = await blobStoreFor(ctx).get(latest.fileId);
  if (!body) return { ok: false, reason: 'not_found' };
  // The file is named after the definition's template (results issued before it was recorded: "ket-qua").
  const slug = latest.summary.template ?? 'ket-qua';
  return { ok: true, fileName: `${slug}-${dossierCode}.pdf`, mediaType: 'application/pdf', body, result: toIssued(ctx, latest) };
}

/**
 * For the leader, before `resolve`: whether the result could be issued now. `prepareResolution`
 * makes the same check and is what the route uses; the issuing transaction checks again (races).
 */
export async function checkResultIssuable(ctx: AppContext, code: string): Promise<{ ok: true } | ResolutionFailure> {
  const prepared = await prepareResolution(ctx, code);
  return prepared.ok ? { ok: true } : prepared;
}
