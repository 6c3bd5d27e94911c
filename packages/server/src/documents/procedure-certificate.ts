import {
  createDocument,
  drawHeading,
  drawSignatures,
  drawTitle,
  drawVerificationQr,
  F,
  field,
  finish,
  left,
  paragraph,
  SIZE,
  signerBlock,
  vn,
} from './pdf-kit';
import { ProcedureCertificateData } from './types';
import { formatVnDateTime, verificationUrl } from './vn-format';

const INDENT = 14;

/**
 * The result of a procedure an administrator added (issuer `certificate`): titled with the
 * procedure's name, the values of the form under the labels of its definition, the agency's number
 * for the year, the signer and the QR to the public verification page. One layout for every
 * procedure: what it prints is the definition's, not code.
 */
export async function renderProcedureCertificate(input: ProcedureCertificateData): Promise<Buffer> {
  const d = ProcedureCertificateData.parse(input);
  const title = vn(d.title).toLocaleUpperCase('vi');
  const doc = createDocument({ title: `${title} ${d.documentNumber}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, title);
  const received = d.receivedAt ? ` tiếp nhận ${formatVnDateTime(d.receivedAt)}` : '';
  paragraph(doc, `${d.agency.name} xác nhận kết quả giải quyết hồ sơ ${d.dossierCode}${received}, với nội dung sau:`);
  doc.moveDown(0.3);
  for (const entry of d.entries) {
    const indent = entry.depth * INDENT;
    if (entry.value === undefined) {
      doc
        .font(F.bold)
        .fontSize(SIZE.body)
        .text(vn(entry.label), left(doc) + indent, doc.y);
      doc.font(F.regular);
    } else {
      field(doc, entry.label, entry.value, { indent });
    }
  }
  doc.moveDown(0.8);
  const url = verificationUrl(d.publicUrl, d.verificationCode);
  await drawSignatures(doc, [signerBlock(d.signer)], (x, y, w) => drawVerificationQr(doc, url, x, y, w));
  doc
    .font(F.italic)
    .fontSize(SIZE.small)
    .text(vn(`Mã hồ sơ: ${d.dossierCode}`));
  return finish(doc);
}
