import {
  createDocument,
  drawHeading,
  drawSignatures,
  drawTitle,
  drawVerificationQr,
  F,
  field,
  finish,
  paragraph,
  SIZE,
  signerBlock,
  vn,
} from '../documents/pdf-kit';
import type { AgencyHeading, Signer } from '../documents/types';
import { verificationUrl } from '../documents/vn-format';

export const TERMINATION_NOTICE_TITLE = 'THÔNG BÁO';
export const TERMINATION_NOTICE_SUBTITLE = 'Về việc chấm dứt hoạt động hộ kinh doanh';

export interface TerminationNoticeData {
  agency: AgencyHeading;
  dossierCode: string;
  issuedAt: Date;
  publicUrl: string;
  verificationCode: string;
  registrationNumber: string;
  businessName: string;
  seatAddress: string;
  /** As the household declared it, 'dd/mm/yyyy'. */
  terminationDate: string;
  reason: string;
  signer: Signer;
}

/**
 * Result of the termination: the registering authority's notice that the household business is
 * struck from the register. The documents capability has no renderer for it yet, so it is drawn
 * here with the same kit (same heading, signature and QR layout). Wording is ours (the Circular
 * 68/2025/TT-BTC form was not available) — verify.
 */
export async function renderTerminationNotice(d: TerminationNoticeData): Promise<Buffer> {
  const doc = createDocument({ title: `${TERMINATION_NOTICE_SUBTITLE} ${d.registrationNumber}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, issuedAt: d.issuedAt });
  drawTitle(doc, TERMINATION_NOTICE_TITLE, TERMINATION_NOTICE_SUBTITLE);
  paragraph(doc, `${d.agency.name} thông báo hộ kinh doanh sau đây đã chấm dứt hoạt động:`);
  doc.moveDown(0.3);
  field(doc, '1. Tên hộ kinh doanh', vn(d.businessName).toUpperCase());
  field(doc, '2. Mã số hộ kinh doanh', d.registrationNumber);
  field(doc, '3. Địa chỉ trụ sở', d.seatAddress);
  field(doc, '4. Ngày chấm dứt hoạt động', d.terminationDate);
  field(doc, '5. Lý do', d.reason);
  doc.moveDown(0.3);
  paragraph(
    doc,
    'Tình trạng của hộ kinh doanh trong Sổ đăng ký hộ kinh doanh đã được chuyển sang "Đã chấm dứt hoạt động". Giấy chứng nhận đăng ký hộ kinh doanh đã cấp không còn hiệu lực./.',
  );
  doc.moveDown(0.8);
  const url = verificationUrl(d.publicUrl, d.verificationCode);
  await drawSignatures(doc, [signerBlock(d.signer)], (x, y, w) => drawVerificationQr(doc, url, x, y, w));
  doc
    .font(F.italic)
    .fontSize(SIZE.small)
    .text(vn(`Mã hồ sơ: ${d.dossierCode}`));
  return finish(doc);
}
