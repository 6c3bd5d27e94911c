import { extractSignature } from '@signpdf/utils';
import type { AppContext } from '../http/context';
import { OID, pkijs, signatureValue, toArrayBuffer, tstInfoOf } from './cms';
import { authorityOf } from './pki';
import { sha256Hex } from './signing.service';
import { X509Certificate } from './x509';

/**
 * Verification of an uploaded PDF: its signature (CMS over the byte ranges, the signer's chain up
 * to the stand-in root), its timestamp, whether the signature covers the whole file, whether the
 * certificate was revoked before signing, and whether the file is byte for byte one DVC issued.
 */

export interface Verification {
  valid: boolean;
  /** "hợp lệ" / "không hợp lệ": what the page and the API say. */
  verdict: 'hợp lệ' | 'không hợp lệ';
  signed: boolean;
  signer?: { name: string; agency?: string; subject: string; issuer: string; serialNumber: string };
  /** The timestamp authority's time (else the time the signer claimed). */
  signedAt?: string;
  timestamped: boolean;
  coversWholeFile: boolean;
  /** Byte-identical to a file DVC issued (its SHA-256 is on record). */
  issued: boolean;
  issuedDocument?: { kind: string; dossierCode: string | null; signedAt: string };
  sha256: string;
  problems: string[];
}

/**
 * The CMS the signer put between the two byte ranges, cut to the length its DER header declares.
 * (`extractSignature` strips every trailing "00" of the placeholder, which also eats a signature
 * whose own last bytes are zero, about one in 256.)
 */
export function signatureDer(pdf: Buffer, byteRange: number[]): Buffer {
  const [start = 0, firstLength = 0, second = 0] = byteRange;
  const hex = pdf
    .subarray(start + firstLength, second)
    .toString('latin1')
    .replace(/[<>\s]/g, '');
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length < 2 || bytes[0] !== 0x30) return bytes;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const lengthBytes = first & 0x7f;
  if (lengthBytes === 0 || lengthBytes > 4) return bytes; // indefinite length: BER parsing finds the end
  const length = bytes.subarray(2, 2 + lengthBytes).reduce((total, byte) => total * 256 + byte, 0);
  return bytes.subarray(0, Math.min(bytes.length, 2 + lengthBytes + length));
}

export async function verifyPdf(ctx: AppContext, pdf: Buffer): Promise<Verification> {
  const sha256 = sha256Hex(pdf);
  const record = await ctx.db
    .selectFrom('signedDocument')
    .select(['kind', 'dossierCode', 'signedAt'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  const problems: string[] = [];
  const base = {
    sha256,
    issued: record !== undefined,
    ...(record ? { issuedDocument: { ...record, signedAt: record.signedAt.toISOString() } } : {}),
  };
  if (!record) problems.push('Tệp không trùng khớp từng byte với bất kỳ văn bản nào hệ thống đã phát hành');

  let extracted: ReturnType<typeof extractSignature>;
  try {
    extracted = extractSignature(pdf);
  } catch {
    problems.push('Tệp không có chữ ký số');
    return {
      ...base,
      valid: false,
      verdict: 'không hợp lệ',
      signed: false,
      timestamped: false,
      coversWholeFile: false,
      problems,
    };
  }
  const [start, firstLength, second, secondLength] = extracted.ByteRange as [number, number, number, number];
  const coversWholeFile = start === 0 && second + secondLength === pdf.length && firstLength < second;
  if (!coversWholeFile) problems.push('Chữ ký không bao phủ toàn bộ tệp (tệp đã bị thêm nội dung sau khi ký)');

  let signatureOk = false;
  let chainOk = false;
  let signer: Verification['signer'];
  let signedAt: string | undefined;
  let timestamped = false;
  let timestamp: { signedData: pkijs.SignedData; root: pkijs.Certificate } | undefined;
  try {
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(signatureDer(pdf, extracted.ByteRange)));
    if (info.contentType !== OID.signedData) throw new Error('not SignedData');
    const signedData = new pkijs.SignedData({ schema: info.content });
    const authority = await authorityOf(ctx.config);
    const root = pkijs.Certificate.fromBER(authority.root.rawData);
    const result = await signedData.verify({
      signer: 0,
      data: toArrayBuffer(extracted.signedData),
      trustedCerts: [root],
      checkChain: true,
      extendedMode: true,
    });
    signatureOk = result.signatureVerified === true;
    chainOk = result.signerCertificateVerified === true;
    if (result.signerCertificate) {
      const cert = new X509Certificate(result.signerCertificate.toSchema().toBER());
      signer = {
        name: cert.subjectName.getField('CN')[0] ?? cert.subject,
        agency: cert.subjectName.getField('O')[0],
        subject: cert.subject,
        issuer: cert.issuer,
        serialNumber: cert.serialNumber,
      };
    }
    timestamp = { signedData, root };
  } catch {
    // pkijs throws when the signer's chain or the signature does not check out: "không hợp lệ".
    signatureOk = false;
  }
  // The timestamp is judged on its own: a token that cannot be read says so, not "the file was changed".
  if (signatureOk && timestamp) {
    try {
      ({ timestamped, signedAt } = await checkTimestamp(timestamp.signedData, timestamp.root, problems));
    } catch {
      timestamped = false;
      problems.push('Dấu thời gian không hợp lệ');
    }
  }
  if (!signatureOk) problems.push('Chữ ký số không khớp với nội dung tệp (tệp đã bị sửa đổi hoặc chữ ký hỏng)');
  else if (!chainOk) problems.push('Chứng thư số của người ký không do cơ quan chứng thực tin cậy cấp');

  if (signer) {
    const revoked = await ctx.db
      .selectFrom('signingCredential')
      .select('revokedAt')
      .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
      .where('serialNumber', '=', signer.serialNumber.toLowerCase())
      .where('status', '=', 'revoked')
      .executeTakeFirst();
    // Signed before the revocation (by the timestamp) stays valid; after it, not.
    if (revoked?.revokedAt && (!signedAt || new Date(signedAt) >= revoked.revokedAt)) {
      problems.push('Chứng thư số đã bị thu hồi trước thời điểm ký');
      chainOk = false;
    }
  }
  const valid = signatureOk && chainOk && coversWholeFile && timestamped;
  return {
    ...base,
    valid,
    verdict: valid ? 'hợp lệ' : 'không hợp lệ',
    signed: true,
    ...(signer ? { signer } : {}),
    ...(signedAt ? { signedAt } : {}),
    timestamped,
    coversWholeFile,
    problems,
  };
}

/** The RFC 3161 token of the signature: its imprint must be the hash of the signature's value. */
async function checkTimestamp(
  signedData: pkijs.SignedData,
  root: pkijs.Certificate,
  problems: string[],
): Promise<{ timestamped: boolean; signedAt?: string }> {
  const token = signedData.signerInfos[0]?.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken);
  if (!token) {
    problems.push('Chữ ký không có dấu thời gian');
    return { timestamped: false };
  }
  const tokenInfo = new pkijs.ContentInfo({ schema: token.values[0] });
  const tokenSigned = new pkijs.SignedData({ schema: tokenInfo.content });
  const tokenCheck = await tokenSigned.verify({
    signer: 0,
    data: toArrayBuffer(signatureValue(signedData)),
    trustedCerts: [root],
    checkChain: true,
    extendedMode: true,
  });
  const timestamped = tokenCheck.signatureVerified === true && tokenCheck.signerCertificateVerified === true;
  if (!timestamped) {
    problems.push('Dấu thời gian không hợp lệ');
    return { timestamped };
  }
  return { timestamped, signedAt: tstInfoOf(tokenInfo).genTime.toISOString() };
}
