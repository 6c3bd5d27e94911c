import { createDocument, drawCodeBand, drawHeading, drawSignatures, drawTitle, field, finish, paragraph } from './pdf-kit';
import { applicantLines, COMPONENT_FORM_LABEL, count2, DELIVERY_LABEL } from './slip-parts';
import { drawTable } from './table';
import { ReceiptSlipData } from './types';
import { formatVnDateTime } from './vn-format';

export const RECEIPT_SLIP_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

/** Mẫu số 01 — given to the applicant when a dossier is received (paper or online). */
export async function renderReceiptSlip(input: ReceiptSlipData): Promise<Buffer> {
  const d = ReceiptSlipData.parse(input);
  const doc = createDocument({ title: `${RECEIPT_SLIP_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 01', documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, RECEIPT_SLIP_TITLE);
  await drawCodeBand(
    doc,
    d.dossierCode,
    d.lookupPin
      ? 'Quét mã hoặc nhập mã hồ sơ và 4 số cuối điện thoại người nộp (hoặc mã PIN tra cứu dưới đây) để tra cứu tình trạng giải quyết trên Cổng Dịch vụ công.'
      : 'Quét mã hoặc nhập mã hồ sơ và 4 số cuối điện thoại người nộp để tra cứu tình trạng giải quyết trên Cổng Dịch vụ công.',
    d.lookupUrl ?? d.dossierCode,
  );
  if (d.lookupPin) {
    field(doc, 'Mã PIN tra cứu', `${d.lookupPin} (in lại giấy này sẽ cấp mã mới, mã cũ hết hiệu lực)`);
  }

  paragraph(doc, `${d.agency.name} tiếp nhận hồ sơ của:`);
  applicantLines(doc, d.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
  doc.moveDown(0.3);
  paragraph(doc, '1. Thành phần hồ sơ nộp gồm:');
  doc.moveDown(0.2);
  drawTable(doc, {
    columns: [
      { header: 'TT', weight: 5, align: 'center' },
      { header: 'Tên loại giấy tờ', weight: 60 },
      { header: 'Hình thức (bản chính, bản sao, bản điện tử)', weight: 22, align: 'center' },
      { header: 'Số lượng', weight: 13, align: 'center' },
    ],
    rows: d.components.map((c, i) => [String(i + 1), c.name, COMPONENT_FORM_LABEL[c.form], count2(c.copies)]),
  });
  field(doc, '2. Số lượng hồ sơ', `${count2(d.sets)} bộ`);
  field(doc, '3. Thời gian giải quyết hồ sơ theo quy định là', d.legalDuration);
  field(doc, '4. Thời gian nhận hồ sơ', formatVnDateTime(d.receivedAt));
  field(doc, '5. Thời gian trả kết quả giải quyết hồ sơ', formatVnDateTime(d.dueAt));
  field(
    doc,
    '6. Đăng ký nhận kết quả tại',
    d.deliveryDetail ? `${DELIVERY_LABEL[d.delivery]}: ${d.deliveryDetail}` : DELIVERY_LABEL[d.delivery],
  );
  if (d.registerEntry) {
    paragraph(doc, `Vào Sổ theo dõi hồ sơ, Quyển số: ${d.registerEntry.book}, Số thứ tự: ${d.registerEntry.sequence}`);
  }
  doc.moveDown(0.8);
  await drawSignatures(doc, [
    { title: 'Người nộp hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: d.applicant.fullName },
    { title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: d.officerName },
  ]);
  return finish(doc);
}
