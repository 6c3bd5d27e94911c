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
import { PromotionAcknowledgementData } from './types';
import { formatDongLong, formatVnDateTime, verificationUrl } from './vn-format';

export const PROMOTION_ACKNOWLEDGEMENT_TITLE = 'XÁC NHẬN TIẾP NHẬN THÔNG BÁO HOẠT ĐỘNG KHUYẾN MẠI';

/**
 * Result of the promotion notice: the Department of Industry and Trade acknowledges the notice
 * (Decree 81/2018/NĐ-CP as amended by 128/2024/NĐ-CP). QR code to the public verification page.
 */
export async function renderPromotionAcknowledgement(input: PromotionAcknowledgementData): Promise<Buffer> {
  const d = PromotionAcknowledgementData.parse(input);
  const doc = createDocument({ title: `${PROMOTION_ACKNOWLEDGEMENT_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, PROMOTION_ACKNOWLEDGEMENT_TITLE);

  paragraph(doc, `Kính gửi: ${d.enterprise.name}.`);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `${d.agency.name} xác nhận đã tiếp nhận thông báo thực hiện khuyến mại vào ${formatVnDateTime(d.receivedAt)}, mã hồ sơ ${d.dossierCode}, với nội dung sau:`,
  );
  doc.moveDown(0.3);
  field(doc, '1. Tên thương nhân', d.enterprise.name);
  field(doc, 'Mã số thuế (mã số doanh nghiệp)', d.enterprise.taxCode, { indent: 14 });
  field(doc, 'Địa chỉ trụ sở chính', d.enterprise.address, { indent: 14 });
  if (d.enterprise.phone) field(doc, 'Điện thoại', d.enterprise.phone, { indent: 14 });
  field(doc, '2. Tên chương trình khuyến mại', d.programName);
  field(doc, '3. Thời gian khuyến mại', `từ ${formatVnDateTime(d.startsAt)} đến ${formatVnDateTime(d.endsAt)}`);
  field(doc, '4. Địa bàn (phạm vi) khuyến mại', d.area);
  field(doc, '5. Hình thức khuyến mại', d.promotionForm);
  field(doc, '6. Hàng hóa, dịch vụ được khuyến mại', d.goods);
  if (d.totalValue !== undefined)
    field(doc, '7. Tổng giá trị hàng hóa, dịch vụ dùng để khuyến mại', formatDongLong(d.totalValue));
  doc.moveDown(0.3);
  paragraph(
    doc,
    'Thương nhân có trách nhiệm thực hiện chương trình khuyến mại đúng nội dung đã thông báo và tuân thủ các quy định của pháp luật về khuyến mại./.',
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
