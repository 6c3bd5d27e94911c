import { roundedRate } from '@dvc/domain/indicators';
import { DECISION_766_GROUPS, DECISION_766_POINTS_VERIFIED, DECISION_766_SOURCE } from '@dvc/domain/scorecard-766';
import type ExcelJS from 'exceljs';
import { FORMULAS, type IndicatorReport, type IndicatorRow, RATE_KEYS, type RateKey } from './reports.service';

type CountKey = Exclude<
  keyof IndicatorRow,
  'key' | 'name' | 'rates' | 'ratesText' | 'targetClass' | 'targetProjection' | 'scorecard'
>;

/** Columns of the exports, with the Vietnamese headers of the province's report tables. */
export const COUNT_COLUMNS: Array<{ key: CountKey; header: string }> = [
  { key: 'carriedOver', header: 'Kỳ trước chuyển qua' },
  { key: 'received', header: 'Tiếp nhận mới' },
  { key: 'direct', header: 'Trực tiếp' },
  { key: 'web', header: 'Cổng dịch vụ công' },
  { key: 'mobile', header: 'Ứng dụng di động' },
  { key: 'phone', header: 'Qua tổng đài' },
  { key: 'online', header: 'Trực tuyến' },
  { key: 'resolved', header: 'Đã giải quyết' },
  { key: 'resolvedOnTime', header: 'Đúng hạn' },
  { key: 'resolvedOverdue', header: 'Quá hạn' },
  { key: 'apologised', header: 'Đã xin lỗi' },
  { key: 'inProgress', header: 'Đang giải quyết' },
  { key: 'inProgressOverdue', header: 'Đang giải quyết quá hạn' },
  { key: 'withdrawn', header: 'Công dân rút' },
  { key: 'componentsDigitized', header: 'Số hóa thành phần' },
  { key: 'resultsDigitized', header: 'Số hóa kết quả' },
  { key: 'resultsElectronic', header: 'Kết quả điện tử' },
  { key: 'paidOnlineCount', header: 'Thanh toán trực tuyến (hồ sơ)' },
  { key: 'paidOnlineAmount', header: 'Thanh toán trực tuyến (đồng)' },
];

const CLASS_HEADER = 'Đánh giá chỉ tiêu';
const CLASS_LABELS = { met: 'Đạt chỉ tiêu', below: 'Có trực tuyến nhưng thấp', none: 'Không phát sinh trực tuyến' } as const;

function groupHeader(report: IndicatorReport): string {
  return { unit: 'Đơn vị', procedure: 'Thủ tục', channel: 'Kênh', agency: 'Cơ quan', month: 'Tháng' }[report.groupBy];
}

export function exportHeaders(report: IndicatorReport): string[] {
  const h = ['Mã', groupHeader(report), ...COUNT_COLUMNS.map((c) => c.header), ...RATE_KEYS.map((k) => FORMULAS[k].label)];
  if (report.classification) h.push(CLASS_HEADER);
  return h;
}

function allRows(report: IndicatorReport): IndicatorRow[] {
  return [...report.rows, report.total];
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV, UTF-8 with a byte-order mark (Excel opens the Vietnamese text right); rates as shown: "97,88%". */
export function toCsv(report: IndicatorReport): string {
  const lines = [exportHeaders(report).map(csvCell).join(',')];
  for (const r of allRows(report)) {
    const cells: Array<string | number> = [
      r.key,
      r.name,
      ...COUNT_COLUMNS.map((c) => r[c.key]),
      ...RATE_KEYS.map((k) => r.ratesText[k]),
    ];
    if (report.classification) cells.push(r.targetClass ? CLASS_LABELS[r.targetClass] : '');
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel workbook: the table (counts "#,##0", rates as percentages) and the formulas with their sources. */
export async function toXlsx(report: IndicatorReport): Promise<Buffer> {
  // Loaded with the first export, not at start: an idle server does not carry it (issue 11).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'DVC Quảng Ngãi';
  const ws = wb.addWorksheet('Chỉ số');
  const headers = exportHeaders(report);
  ws.addRow(headers).font = { bold: true };
  for (const r of allRows(report)) {
    const cells: Array<string | number | null> = [
      r.key,
      r.name,
      ...COUNT_COLUMNS.map((c) => r[c.key]),
      ...RATE_KEYS.map((k) => (k in report.unavailable ? r.ratesText[k] : roundedRate(r.rates[k]))),
    ];
    if (report.classification) cells.push(r.targetClass ? CLASS_LABELS[r.targetClass] : '');
    ws.addRow(cells);
  }
  ws.getRow(ws.rowCount).font = { bold: true };
  const first = 3;
  COUNT_COLUMNS.forEach((_, i) => {
    ws.getColumn(first + i).numFmt = '#,##0';
  });
  RATE_KEYS.forEach((_, i) => {
    ws.getColumn(first + COUNT_COLUMNS.length + i).numFmt = '0.00%';
  });
  ws.getColumn(2).width = 32;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

  const info = wb.addWorksheet('Công thức');
  info.addRow([`Kỳ báo cáo: ${report.period.label} (từ ${report.period.from} đến ${report.period.to})`]);
  if (report.target) info.addRow([`Chỉ tiêu trực tuyến: ${report.target.text} — ${report.target.legalBasis}`]);
  info.addRow(['Chỉ số', 'Tử số', 'Mẫu số', 'Căn cứ']).font = { bold: true };
  for (const k of RATE_KEYS as readonly RateKey[]) {
    const f = FORMULAS[k];
    info.addRow([f.label, f.numerator, f.denominator, f.source]);
  }
  addScorecardSheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The Decision 766 scorecard per row: each group's score out of its points, the total, and its inputs. */
function addScorecardSheet(wb: ExcelJS.Workbook, report: IndicatorReport): void {
  const ws = wb.addWorksheet('Bộ chỉ số 766');
  ws.addRow([
    'Mã',
    groupHeader(report),
    ...DECISION_766_GROUPS.map((g) => `${g.label} (${g.points} điểm)`),
    'Tổng điểm',
    'Trên số điểm có dữ liệu',
    ...DECISION_766_GROUPS.flatMap((g) =>
      g.inputs.map(
        (k) => `${g.label}: ${k === 'portalSync' ? 'Tỷ lệ hồ sơ công khai trên Cổng DVC quốc gia' : FORMULAS[k].label}`,
      ),
    ),
  ]).font = { bold: true };
  for (const r of allRows(report)) {
    const card = r.scorecard;
    ws.addRow([
      r.key,
      r.name,
      ...card.groups.map((g) => g.score ?? 'chưa có dữ liệu'),
      card.total ?? 'chưa có dữ liệu',
      card.outOf,
      ...card.groups.flatMap((g) => g.inputs.map((i) => i.text)),
    ]);
  }
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.getColumn(2).width = 32;
  ws.addRow([]);
  ws.addRow([
    `Điểm mỗi nhóm = số điểm của nhóm × trung bình các tỷ lệ có dữ liệu của nhóm. Số điểm các nhóm: ${DECISION_766_SOURCE}${DECISION_766_POINTS_VERIFIED ? '' : ' (cần đối chiếu với văn bản gốc)'}.`,
  ]);
}
