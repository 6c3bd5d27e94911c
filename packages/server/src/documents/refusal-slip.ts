import { createDocument, drawCodeBand, drawHeading, drawSignatures, drawTitle, field, finish, paragraph } from './pdf-kit';
import { applicantLines } from './slip-parts';
import { RefusalSlipData } from './types';
import { formatVnDateTime } from './vn-format';

export const REFUSAL_SLIP_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

/** Mẫu số 03 — the reasons in writing when a dossier is not accepted. */
export async function renderRefusalSlip(input: RefusalSlipData): Promise<Buffer> {
  const d = RefusalSlipData.parse(input);
  const doc = createDocument({ title: `${REFUSAL_SLIP_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 03', documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, REFUSAL_SLIP_TITLE);
  await drawCodeBand(doc, d.dossierCode, 'Mã hồ sơ đã nộp.');

  paragraph(doc, `${d.agency.name} tiếp nhận hồ sơ của:`);
  applicantLines(doc, d.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
  field(doc, 'Thời gian nộp hồ sơ', formatVnDateTime(d.submittedAt));
  doc.moveDown(0.4);
  paragraph(
    doc,
    `Sau khi nghiên cứu các quy định của pháp luật, ${d.agency.name} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  d.reasons.forEach((reason, i) => {
    paragraph(doc, d.reasons.length > 1 ? `${i + 1}. ${reason}` : reason, { indent: 14 });
  });
  doc.moveDown(0.3);
  paragraph(doc, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
  doc.moveDown(0.8);
  await drawSignatures(doc, [{ title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: d.officerName }]);
  return finish(doc);
}
