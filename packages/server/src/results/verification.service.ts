import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import { verifyPdf } from '../signing/index';
import { resultStatus, type VerifiedStatus } from './result-status';
import { findResultByVerificationCode } from './results.repository';
import { VERIFICATION_CODE } from './results.service';
import type { ResultKind } from './results.tables';

export type { VerifiedStatus };

/** What anyone holding the document may learn: no owner name, ID, address or contact. */
export interface Verification {
  code: string;
  kind: ResultKind;
  title: string;
  number: string;
  subjectName: string;
  detail?: string;
  issuerName: string;
  issuedAt: Date;
  changeNumber?: number;
  status: VerifiedStatus;
  statusLabel: string;
  /** The digital signature of the issued file, checked now (absent: the file is not in the store). */
  signature?: SignatureStatus;
}

/** What the signature of the issued file says: who signed, for which agency, when, with a timestamp. */
export interface SignatureStatus {
  valid: boolean;
  verdict: 'hợp lệ' | 'không hợp lệ';
  signed: boolean;
  signerName?: string;
  agencyName?: string;
  signedAt?: Date;
  timestamped: boolean;
  problems: string[];
}

/** The issued file's signature, verified by the signing capability (chain, timestamp, revocation, whole file). */
async function signatureOf(ctx: AppContext, fileId: string): Promise<SignatureStatus | undefined> {
  const body = await blobStoreFor(ctx).get(fileId);
  if (!body) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  const v = await verifyPdf(ctx, Buffer.concat(chunks));
  return {
    valid: v.valid,
    verdict: v.verdict,
    signed: v.signed,
    ...(v.signer ? { signerName: v.signer.name } : {}),
    ...(v.signer?.agency ? { agencyName: v.signer.agency } : {}),
    ...(v.signedAt ? { signedAt: new Date(v.signedAt) } : {}),
    timestamped: v.timestamped,
    problems: v.problems,
  };
}

/**
 * The verification of a result by the code printed under its QR. The status is read live from the
 * register: a certificate of a business that has since terminated, or that a later certificate
 * (after a change) replaced, says so.
 */
export async function verifyResult(ctx: AppContext, code: string): Promise<Verification | undefined> {
  const normalized = code.trim().toUpperCase();
  if (!VERIFICATION_CODE.test(normalized)) return undefined;
  const row = await findResultByVerificationCode(ctx.db, normalized);
  if (!row || row.provinceCode !== ctx.config.PROVINCE_CODE) return undefined;
  const s = row.summary;
  const { status, statusLabel } = await resultStatus(ctx, row);
  const signature = await signatureOf(ctx, row.fileId);
  return {
    code: row.verificationCode,
    kind: row.kind,
    title: s.title,
    number: s.number,
    subjectName: s.subjectName,
    ...(s.detail ? { detail: s.detail } : {}),
    issuerName: s.issuerName,
    issuedAt: row.issuedAt,
    ...(s.changeNumber !== undefined ? { changeNumber: s.changeNumber } : {}),
    status,
    statusLabel,
    ...(signature ? { signature } : {}),
  };
}
