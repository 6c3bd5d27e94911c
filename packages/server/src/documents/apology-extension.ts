import { createDocument, drawCodeBand, drawHeading, drawSignatures, drawTitle, finish, paragraph, signerBlock } from './pdf-kit';
import { ApologyExtensionData } from './types';
import { formatVnDate, formatVnDateTime } from './vn-format';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const APOLOGY_EXTENSION_TITLE = 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT';

/** Mẫu số 04 — issued before the due time when the result will be late, with the reason and a new date. */
export async function renderApologyExtension(input: ApologyExtensionData): Promise<Buffer> {
  const d = ApologyExtensionData.parse(input);
  const doc = createDocument({ title: `${APOLOGY_EXTENSION_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 04', documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, APOLOGY_EXTENSION_TITLE);
  await drawCodeBand(doc, d.dossierCode, 'Mã hồ sơ được gia hạn.');

  paragraph(doc, `Kính gửi: Ông/Bà ${d.applicant.fullName}${d.applicant.address ? `, địa chỉ: ${d.applicant.address}` : ''}.`);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `${capitalise(formatVnDate(d.receivedAt))}, ${d.handlingAgencyName} tiếp nhận giải quyết hồ sơ của Ông/Bà, nội dung yêu cầu giải quyết: ${d.procedureName}; mã hồ sơ: ${d.dossierCode}.`,
  );
  paragraph(doc, `Thời hạn trả kết quả giải quyết hồ sơ: ${formatVnDateTime(d.dueAt)}.`);
  paragraph(
    doc,
    `Tuy nhiên đến nay, ${d.handlingAgencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà theo đúng thời hạn với lý do: ${d.reason}`,
  );
  paragraph(
    doc,
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${d.handlingAgencyName} xin lỗi Ông/Bà và đề nghị được gia hạn thời gian giải quyết; kết quả giải quyết hồ sơ sẽ được trả cho Ông/Bà vào ${formatVnDateTime(d.newDueAt)}.`,
  );
  paragraph(doc, 'Mong nhận được sự thông cảm của Ông/Bà./.');
  doc.moveDown(0.8);
  await drawSignatures(doc, [signerBlock(d.signer)]);
  return finish(doc);
}
