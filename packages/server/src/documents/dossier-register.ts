import { createDocument, drawHeading, drawTitle, finish } from './pdf-kit';
import { drawTable } from './table';
import { DossierRegisterData } from './types';
import { formatShortDate, formatShortDateTime } from './vn-format';

export const DOSSIER_REGISTER_TITLE = 'SỔ THEO DÕI HỒ SƠ';

/**
 * Mẫu số 07 — the register of dossiers received in a period: A4 landscape, one row per dossier,
 * the header repeated on every page, "Trang i/n" at the foot.
 */
export async function renderDossierRegister(input: DossierRegisterData): Promise<Buffer> {
  const d = DossierRegisterData.parse(input);
  const doc = createDocument({ title: DOSSIER_REGISTER_TITLE, landscape: true, createdAt: d.issuedAt });
  drawHeading(doc, { agency: d.agency, formNumber: 'Mẫu số 07', issuedAt: d.issuedAt });
  drawTitle(doc, DOSSIER_REGISTER_TITLE, `Từ ngày ${formatShortDate(d.periodFrom)} đến ngày ${formatShortDate(d.periodTo)}`);

  const when = (at?: Date) => (at ? formatShortDateTime(at) : '');
  drawTable(doc, {
    fontSize: 7.5,
    columns: [
      { header: 'STT', weight: 3.2, align: 'center' },
      { header: 'Mã hồ sơ', weight: 15, oneLine: true },
      { header: 'Tên thủ tục hành chính', weight: 11 },
      { header: 'Số lượng hồ sơ (bộ)', weight: 4.5, align: 'center' },
      { header: 'Tên cá nhân, tổ chức', weight: 9 },
      { header: 'Địa chỉ, số điện thoại', weight: 9 },
      { header: 'Cơ quan chủ trì giải quyết', weight: 9 },
      { header: 'Nhận hồ sơ', weight: 6.4, align: 'center' },
      { header: 'Hẹn trả kết quả', weight: 6.4, align: 'center' },
      { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 6.4, align: 'center' },
      { header: 'Nhận kết quả từ cơ quan giải quyết', weight: 6.4, align: 'center' },
      { header: 'Trả kết quả cho cá nhân, tổ chức', weight: 6.4, align: 'center' },
      { header: 'Ghi chú', weight: 5 },
    ],
    groups: [{ label: 'Ngày, tháng, năm', from: 7, to: 11 }],
    rows: d.rows.map((r, i) => [
      String(i + 1),
      r.code,
      r.procedureName,
      String(r.sets),
      r.applicantName,
      r.applicantContact ?? '',
      r.leadAgencyName,
      when(r.receivedAt),
      when(r.dueAt),
      when(r.transferredAt),
      when(r.resultReceivedAt),
      when(r.returnedAt),
      r.note ?? '',
    ]),
  });
  return finish(doc);
}
