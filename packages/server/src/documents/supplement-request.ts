import { createDocument, drawCodeBand, drawHeading, drawSignatures, drawTitle, field, finish, paragraph } from './pdf-kit';
import { applicantLines } from './slip-parts';
import { SupplementRequestData } from './types';
import { formatVnDateTime } from './vn-format';

export const SUPPLEMENT_REQUEST_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

/** Mẫu số 02 — one request listing everything to add, so the applicant is asked only once. */
export async function renderSupplementRequest(input: SupplementRequestData): Promise<Buffer> {
  const d = SupplementRequestData.parse(input);
  const doc = createDocument({ title: `${SUPPLEMENT_REQUEST_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 02', documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, SUPPLEMENT_REQUEST_TITLE);
  await drawCodeBand(doc, d.dossierCode, 'Khi nộp bổ sung, ghi rõ mã hồ sơ này.');

  paragraph(doc, 'Hồ sơ của:');
  applicantLines(doc, d.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
  field(doc, 'Thời gian tiếp nhận hồ sơ', formatVnDateTime(d.receivedAt));
  doc.moveDown(0.4);
  paragraph(
    doc,
    `Sau khi nghiên cứu, xem xét thành phần hồ sơ, ${d.agency.name} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
  );
  d.items.forEach((item, i) => {
    paragraph(doc, `${i + 1}. ${item}`, { indent: 14 });
  });
  if (d.reason) field(doc, 'Lý do', d.reason);
  doc.moveDown(0.4);
  paragraph(
    doc,
    `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ${d.contact.name}, số điện thoại ${d.contact.phone} để được hướng dẫn./.`,
  );
  doc.moveDown(0.8);
  await drawSignatures(doc, [{ title: 'Người hướng dẫn', hint: '(Ký và ghi rõ họ tên)', name: d.officerName }]);
  return finish(doc);
}
