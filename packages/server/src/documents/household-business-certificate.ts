import { readVietnameseNumber } from './amount-in-words';
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
} from './pdf-kit';
import { drawTable } from './table';
import { HouseholdBusinessCertificateData } from './types';
import { formatDongLong, formatShortDate, verificationUrl } from './vn-format';

export const HOUSEHOLD_BUSINESS_CERTIFICATE_TITLE = 'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH';

/**
 * Result of the household business registration: issuer, registration number, name, seat, business
 * lines (VSIC 2018 level 4, main line marked), capital, owner. The QR code points to the public
 * verification page, which confirms the certificate without showing the owner's personal data.
 */
export async function renderHouseholdBusinessCertificate(input: HouseholdBusinessCertificateData): Promise<Buffer> {
  const d = HouseholdBusinessCertificateData.parse(input);
  const doc = createDocument({ title: `${HOUSEHOLD_BUSINESS_CERTIFICATE_TITLE} ${d.registrationNumber}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, HOUSEHOLD_BUSINESS_CERTIFICATE_TITLE);
  doc
    .font(F.bold)
    .fontSize(SIZE.body + 1)
    .text(`Mã số hộ kinh doanh: ${vn(d.registrationNumber)}`, { align: 'center' });
  doc
    .font(F.italic)
    .fontSize(SIZE.body)
    .text(`Đăng ký lần đầu: ngày ${formatShortDate(d.firstRegisteredAt)}`, { align: 'center' });
  if (d.change) {
    doc.text(`Đăng ký thay đổi lần thứ: ${d.change.number}, ngày ${formatShortDate(d.change.at)}`, { align: 'center' });
  }
  doc.moveDown(0.6);

  field(doc, '1. Tên hộ kinh doanh', vn(d.businessName).toUpperCase());
  field(doc, '2. Địa chỉ trụ sở hộ kinh doanh', d.seatAddress);
  if (d.phone) field(doc, 'Điện thoại', d.phone, { indent: 14 });
  if (d.email) field(doc, 'Email', d.email, { indent: 14 });
  paragraph(doc, '3. Ngành, nghề kinh doanh:');
  doc.moveDown(0.2);
  const mainIndex = new Set(d.businessLines.flatMap((l, i) => (l.isMain ? [i] : [])));
  drawTable(doc, {
    columns: [
      { header: 'STT', weight: 7, align: 'center' },
      { header: 'Tên ngành', weight: 75 },
      { header: 'Mã ngành', weight: 18, align: 'center' },
    ],
    rows: d.businessLines.map((l, i) => [String(i + 1), l.isMain ? `${l.name} (Ngành, nghề kinh doanh chính)` : l.name, l.code]),
    boldRows: mainIndex,
  });
  field(doc, '4. Vốn kinh doanh', formatDongLong(d.capital));
  paragraph(doc, `Bằng chữ: ${capitalise(readVietnameseNumber(d.capital))} đồng`, { indent: 14, italic: true });
  paragraph(doc, '5. Thông tin về chủ hộ kinh doanh:');
  const o = d.owner;
  field(doc, 'Họ và tên', vn(o.fullName).toUpperCase(), { indent: 14 });
  if (o.gender) field(doc, 'Giới tính', o.gender, { indent: 14 });
  if (o.birthDate) field(doc, 'Sinh ngày', o.birthDate, { indent: 14 });
  if (o.ethnicity) field(doc, 'Dân tộc', o.ethnicity, { indent: 14 });
  field(doc, 'Quốc tịch', o.nationality, { indent: 14 });
  field(doc, 'Số định danh cá nhân', o.personalId, { indent: 14 });
  if (o.permanentAddress) field(doc, 'Địa chỉ thường trú', o.permanentAddress, { indent: 14 });
  if (o.contactAddress) field(doc, 'Địa chỉ liên lạc', o.contactAddress, { indent: 14 });
  doc.moveDown(0.8);

  const url = verificationUrl(d.publicUrl, d.verificationCode);
  await drawSignatures(doc, [signerBlock(d.signer)], (x, y, w) => drawVerificationQr(doc, url, x, y, w));
  doc
    .font(F.italic)
    .fontSize(SIZE.small)
    .text(`Mã hồ sơ: ${vn(d.dossierCode)}`);
  return finish(doc);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
