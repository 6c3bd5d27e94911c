import { createDocument, drawCodeBand, drawHeading, drawTitle, field, finish } from './pdf-kit';
import { OUTCOME_LABEL } from './slip-parts';
import { drawTable } from './table';
import { ProcessControlSlipData } from './types';
import { formatVnDateTime } from './vn-format';

export const PROCESS_CONTROL_SLIP_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

/**
 * Mẫu số 06 — travels with the dossier: each handover (from → to), its time, the step's due time and
 * whether it was early/on time/late. The outcome comes computed from the caller (domain timeliness);
 * a step still in progress shows an empty result.
 */
export async function renderProcessControlSlip(input: ProcessControlSlipData): Promise<Buffer> {
  const d = ProcessControlSlipData.parse(input);
  const doc = createDocument({ title: `${PROCESS_CONTROL_SLIP_TITLE} ${d.dossierCode}`, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 06', documentNumber: d.documentNumber, issuedAt: d.issuedAt });
  drawTitle(doc, PROCESS_CONTROL_SLIP_TITLE);
  await drawCodeBand(doc, d.dossierCode, 'Phiếu đi kèm hồ sơ trong suốt quá trình giải quyết.');

  field(doc, 'Kèm theo hồ sơ của', d.applicant.fullName);
  if (d.applicant.phone) field(doc, 'Số điện thoại', d.applicant.phone);
  field(doc, 'Nội dung yêu cầu giải quyết', d.procedureName);
  field(doc, 'Thời gian nhận hồ sơ', formatVnDateTime(d.receivedAt));
  field(doc, 'Thời gian trả kết quả giải quyết hồ sơ', formatVnDateTime(d.dueAt));
  field(doc, 'Cơ quan (bộ phận) giải quyết hồ sơ', d.leadAgencyName);
  field(doc, 'Cơ quan phối hợp giải quyết hồ sơ', d.coordinatingAgencies.join('; ') || 'Không');
  doc.moveDown(0.4);

  const party = (p: { unit: string; person?: string }) => (p.person ? `${p.unit} (${p.person})` : p.unit);
  drawTable(doc, {
    fontSize: 8.5,
    columns: [
      { header: 'TT', weight: 4, align: 'center' },
      { header: 'Giao, nhận hồ sơ', weight: 34 },
      { header: 'Thời gian giao, nhận hồ sơ', weight: 22, align: 'center' },
      { header: 'Hạn xử lý của bước', weight: 17, align: 'center' },
      { header: 'Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)', weight: 13, align: 'center' },
      { header: 'Ghi chú', weight: 10 },
    ],
    rows: d.steps.map((s, i) => [
      String(i + 1),
      `Giao: ${party(s.from)}\nNhận: ${party(s.to)}`,
      formatVnDateTime(s.at),
      s.dueAt ? formatVnDateTime(s.dueAt) : '',
      s.outcome ? OUTCOME_LABEL[s.outcome] : '',
      s.note ?? '',
    ]),
  });
  return finish(doc);
}
