import {
  createDocument,
  drawCodeBand,
  drawHeading,
  drawSignatures,
  drawTitle,
  field,
  finish,
  paragraph,
  signerBlock,
} from './pdf-kit';
import { applicantLines } from './slip-parts';
import { StopNoticeData } from './types';
import { formatVnDateTime } from './vn-format';

export const STOP_NOTICE_TITLE = 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ';

/** Mẫu số 05 — the dossier will not be processed further (withdrawn at the applicant's request, or a legal ground). */
export async function renderStopNotice(input: StopNoticeData): Promise<Buffer> {
  const d = StopNoticeData.parse(input);
  const doc = createDocument({ title: `${STOP_NOTICE_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 05', documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, STOP_NOTICE_TITLE);
  await drawCodeBand(doc, d.dossierCode, 'Mã hồ sơ dừng giải quyết.');

  paragraph(doc, 'Kính gửi:');
  applicantLines(doc, d.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
  field(doc, 'Thời gian tiếp nhận hồ sơ', formatVnDateTime(d.receivedAt));
  doc.moveDown(0.4);
  paragraph(doc, `${d.handlingAgencyName} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${formatVnDateTime(d.stoppedAt)}.`);
  field(doc, 'Lý do', d.reason);
  if (d.legalBasis) field(doc, 'Căn cứ', d.legalBasis);
  if (d.returnNote) paragraph(doc, d.returnNote);
  paragraph(doc, 'Xin thông báo để Ông/Bà được biết./.');
  doc.moveDown(0.8);
  await drawSignatures(doc, [signerBlock(d.signer)]);
  return finish(doc);
}
