import { formatShortDate } from '../documents/vn-format';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import { findHouseholdBusinessById } from '../registry/index';
import { verifyPdf } from '../signing/index';
import { findLatestCertificate, findResultByVerificationCode } from './results.repository';
import { VERIFICATION_CODE } from './results.service';
import type { ResultKind } from './results.tables';

export type VerifiedStatus = 'valid' | 'replaced' | 'terminated';

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
  let status: VerifiedStatus = 'valid';
  let statusLabel = 'Văn bản do cơ quan nhà nước cấp trên Hệ thống dịch vụ công, còn giá trị';
  if (row.householdBusinessId) {
    const business = await findHouseholdBusinessById(ctx.db, row.provinceCode, row.householdBusinessId);
    if (row.kind === 'notice') {
      statusLabel = 'Hộ kinh doanh đã chấm dứt hoạt động theo thông báo này';
    } else if (business?.status === 'terminated') {
      status = 'terminated';
      statusLabel = `Hộ kinh doanh đã chấm dứt hoạt động${business.terminatedAt ? ` từ ngày ${formatShortDate(business.terminatedAt)}` : ''}`;
    } else {
      const latest = await findLatestCertificate(ctx.db, row.provinceCode, row.householdBusinessId);
      if (latest && latest.id !== row.id) {
        status = 'replaced';
        statusLabel = `Đã được thay thế bởi Giấy chứng nhận cấp ngày ${formatShortDate(latest.issuedAt)} (đăng ký thay đổi)`;
      } else {
        statusLabel = 'Còn hiệu lực — hộ kinh doanh đang hoạt động';
      }
    }
  }
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
