import { NO_DATA_TEXT } from '@dvc/domain/indicators-services';
import { contentWidth, createDocument, type Doc, drawTitle, ensureSpace, F, finish, left, SIZE, vn } from '../documents/pdf-kit';
import { type Column, type ColumnGroup, drawTable } from '../documents/table';
import { formatVnDateTime } from '../documents/vn-format';
import { FORMULAS, type IndicatorReport, type IndicatorRow, RATE_KEYS, type RateKey, TWO_TIER_FROM } from './reports.service';

/**
 * The indicator table as a printable PDF (A4 landscape), for the report a province office files
 * on paper: the same rows and totals as the screen, CSV and Excel exports, in two tables of readable
 * width (counts, then digitization, payment and the Decision 766 rates), the target lists of seed 000
 * and the formulas with their denominators. Pure: the report and the time it was generated in, bytes out.
 */

const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const n = (v: number) => count.format(v);
const dong = (v: number) => `${count.format(v)} đ`;
const day = (iso: string) => iso.split('-').reverse().join('/');

const CLASS_TITLES = {
  met: 'Đạt chỉ tiêu',
  below: 'Có hồ sơ trực tuyến nhưng chưa đạt',
  none: 'Chưa có hồ sơ trực tuyến',
} as const;

const GROUP_HEADERS: Record<IndicatorReport['groupBy'], string> = {
  unit: 'Đơn vị',
  procedure: 'Thủ tục',
  channel: 'Kênh',
  agency: 'Cơ quan',
  month: 'Tháng',
};

const LEVELS: Record<IndicatorReport['level'], string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };

export function eraText(era: IndicatorReport['era']): string {
  return era === 'old'
    ? `trước ${day(TWO_TIER_FROM)} (tỉnh, huyện, xã)`
    : `từ ${day(TWO_TIER_FROM)} (chính quyền địa phương hai cấp)`;
}

function countTable(r: IndicatorReport): { columns: Column[]; groups: ColumnGroup[]; rows: string[][] } {
  const columns: Column[] = [
    { header: GROUP_HEADERS[r.groupBy], weight: 3.2, align: 'left' },
    { header: 'Kỳ trước chuyển qua', weight: 1.1, align: 'right' },
    { header: 'Tiếp nhận mới', weight: 1.1, align: 'right' },
    { header: 'Trực tiếp', weight: 1, align: 'right' },
    { header: 'Cổng DVC', weight: 1, align: 'right' },
    { header: 'Ứng dụng di động', weight: 1.1, align: 'right' },
    { header: 'Qua tổng đài', weight: 1, align: 'right' },
    { header: 'Trực tuyến', weight: 1.1, align: 'right' },
    { header: 'Tỷ lệ trực tuyến', weight: 1.3, align: 'right', oneLine: true },
    { header: 'Đã giải quyết', weight: 1.1, align: 'right' },
    { header: 'Đúng hạn', weight: 1, align: 'right' },
    { header: 'Quá hạn', weight: 1, align: 'right' },
    { header: 'Đã xin lỗi', weight: 1, align: 'right' },
    { header: 'Đang giải quyết', weight: 1.1, align: 'right' },
    { header: 'Trong đó quá hạn', weight: 1.1, align: 'right' },
    { header: 'Công dân rút', weight: 1, align: 'right' },
  ];
  const groups: ColumnGroup[] = [
    { label: 'Số hồ sơ tiếp nhận', from: 1, to: 2 },
    { label: 'Kênh tiếp nhận', from: 3, to: 8 },
    { label: 'Kết quả giải quyết', from: 9, to: 12 },
    { label: 'Chưa giải quyết', from: 13, to: 14 },
  ];
  const row = (x: IndicatorRow) => [
    x.name,
    n(x.carriedOver),
    n(x.received),
    n(x.direct),
    n(x.web),
    n(x.mobile),
    n(x.phone),
    n(x.online),
    x.ratesText.online,
    n(x.resolved),
    n(x.resolvedOnTime),
    n(x.resolvedOverdue),
    n(x.apologised),
    n(x.inProgress),
    n(x.inProgressOverdue),
    n(x.withdrawn),
  ];
  return { columns, groups, rows: [...r.rows, r.total].map(row) };
}

function digitalTable(r: IndicatorReport): { columns: Column[]; groups: ColumnGroup[]; rows: string[][] } {
  const rate = (label: string): Column => ({ header: label, weight: 1.15, align: 'right', oneLine: true });
  const columns: Column[] = [
    { header: GROUP_HEADERS[r.groupBy], weight: 3.2, align: 'left' },
    { header: 'Số hóa thành phần', weight: 1.1, align: 'right' },
    { header: 'Số hóa kết quả', weight: 1.1, align: 'right' },
    { header: 'Kết quả điện tử', weight: 1.1, align: 'right' },
    { header: 'Số hồ sơ', weight: 1, align: 'right' },
    { header: 'Số tiền', weight: 1.6, align: 'right', oneLine: true },
    rate('Trực tuyến'),
    rate('Đúng hạn'),
    rate('Kết quả điện tử'),
    rate('Số hóa hồ sơ, kết quả'),
    rate('Số hóa thành phần'),
    rate('Thanh toán trực tuyến'),
    rate('Hài lòng'),
    { header: 'Tái sử dụng', weight: 1.5, align: 'right', oneLine: true },
  ];
  const groups: ColumnGroup[] = [
    { label: 'Số hóa, kết quả điện tử', from: 1, to: 3 },
    { label: 'Thanh toán trực tuyến', from: 4, to: 5 },
    { label: 'Tỷ lệ theo Quyết định 766/QĐ-TTg', from: 6, to: 13 },
  ];
  const row = (x: IndicatorRow) => [
    x.name,
    n(x.componentsDigitized),
    n(x.resultsDigitized),
    n(x.resultsElectronic),
    n(x.paidOnlineCount),
    dong(x.paidOnlineAmount),
    ...RATE_KEYS.map((k) => x.ratesText[k]),
  ];
  return { columns, groups, rows: [...r.rows, r.total].map(row) };
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc
    .font(F.bold)
    .fontSize(SIZE.body)
    .text(vn(text), left(doc), doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font(F.regular);
}

function line(doc: Doc, label: string, value: string): void {
  doc
    .font(F.regular)
    .fontSize(SIZE.body)
    .text(`${vn(label)}: `, left(doc), doc.y, { continued: true, width: contentWidth(doc) });
  doc.font(F.bold).text(vn(value), { width: contentWidth(doc) });
}

/** Seed 003's and seed 004's sentences: by level, procedures online, online dossiers, payments, reuse. */
function drawFigures(doc: Doc, r: IndicatorReport): void {
  const ratio = (a: number, b: number, text: string) => `${n(a)}/${n(b)}, đạt tỷ lệ ${text}`;
  for (const l of r.levels) line(doc, `${l.name} (hồ sơ trực tuyến/tiếp nhận)`, ratio(l.online, l.received, l.ratesText.online));
  const s = r.onlineServices;
  if (!s) return;
  line(
    doc,
    'Thủ tục cung cấp dịch vụ công trực tuyến',
    `${n(s.all.procedures)} (toàn trình ${n(s.full.procedures)}, một phần ${n(s.partial.procedures)}); có phát sinh hồ sơ ${n(s.all.withDossiers)} (toàn trình ${n(s.full.withDossiers)}, một phần ${n(s.partial.withDossiers)})`,
  );
  line(doc, 'Hồ sơ trực tuyến toàn trình', ratio(s.full.online, s.full.received, s.full.onlineText));
  line(doc, 'Hồ sơ trực tuyến một phần', ratio(s.partial.online, s.partial.received, s.partial.onlineText));
  const p = s.paymentByTransaction;
  line(doc, 'Thanh toán trực tuyến trên tổng số giao dịch', ratio(p.paidOnline, p.feeBearing, p.text));
  const q = s.paymentByProcedure;
  line(doc, 'Thủ tục có nghĩa vụ tài chính được thanh toán trực tuyến', ratio(q.paidOnline, q.feeBearing, q.text));
  for (const [k, why] of Object.entries(r.unavailable)) line(doc, FORMULAS[k as RateKey].label, `${NO_DATA_TEXT} (${why})`);
  doc.moveDown(0.5);
}

export interface IndicatorPdfOptions {
  /** When the file was generated (printed on it, and the PDF's creation date). */
  generatedAt: Date;
}

export async function renderIndicatorPdf(r: IndicatorReport, opts: IndicatorPdfOptions): Promise<Buffer> {
  const title = 'BÁO CÁO CHỈ SỐ TIẾP NHẬN, GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
  const doc = createDocument({ title, landscape: true, createdAt: opts.generatedAt });
  doc
    .font(F.regular)
    .fontSize(SIZE.small)
    .text('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI — Hệ thống DVC Quảng Ngãi', {
      width: contentWidth(doc),
    });
  doc.moveDown(0.6);
  drawTitle(doc, title, `Kỳ báo cáo: ${r.period.label} (từ ngày ${day(r.period.from)} đến ngày ${day(r.period.to)})`);
  line(doc, 'Đơn vị hành chính', `${eraText(r.era)}; tổng hợp ${LEVELS[r.level]}`);
  line(doc, 'Nhóm thủ tục', r.procedureGroup?.name ?? 'Tất cả thủ tục');
  if (r.target) line(doc, 'Chỉ tiêu hồ sơ trực tuyến', `${r.target.text} — ${r.target.legalBasis}`);
  line(doc, 'Thời điểm lập báo cáo', formatVnDateTime(opts.generatedAt));
  doc.moveDown(0.5);

  heading(doc, 'I. Tiếp nhận và giải quyết hồ sơ');
  const last = r.rows.length;
  drawTable(doc, { ...countTable(r), fontSize: 7.5, boldRows: new Set([last]) });
  heading(doc, 'II. Số hóa, thanh toán trực tuyến và các tỷ lệ theo Quyết định 766/QĐ-TTg');
  drawTable(doc, { ...digitalTable(r), fontSize: 7.5, boldRows: new Set([last]) });

  heading(doc, 'III. Theo cấp giải quyết và dịch vụ công trực tuyến');
  drawFigures(doc, r);

  if (r.classification) {
    heading(doc, `IV. Đánh giá theo chỉ tiêu ${r.target?.text ?? ''}`.trim());
    const byName = new Map(r.rows.map((x) => [x.name, x]));
    for (const k of ['met', 'below', 'none'] as const) {
      // Beside a unit below the target, the month its trend reaches it (indicators-trend.ts).
      const names = r.classification[k].map((name) => {
        const month = k === 'below' ? byName.get(name)?.targetProjection?.month : null;
        return month ? `${name} (dự kiến đạt tháng ${month.slice(5)}/${month.slice(0, 4)})` : name;
      });
      doc
        .font(F.bold)
        .fontSize(SIZE.body)
        .text(`${CLASS_TITLES[k]} (${names.length}): `, left(doc), doc.y, {
          continued: true,
          width: contentWidth(doc),
        });
      doc.font(F.regular).text(vn(names.length ? names.join(', ') : 'không có'), { width: contentWidth(doc) });
    }
    doc.moveDown(0.5);
  }

  heading(doc, 'Cách tính các tỷ lệ');
  doc.fontSize(SIZE.small);
  for (const k of RATE_KEYS) {
    const f = FORMULAS[k];
    ensureSpace(doc, 24);
    doc.font(F.bold).text(`${vn(f.label)}: `, left(doc), doc.y, { continued: true, width: contentWidth(doc) });
    doc.font(F.regular).text(vn(`${f.numerator} ÷ ${f.denominator}. Căn cứ: ${f.source}.`), { width: contentWidth(doc) });
  }
  return finish(doc);
}
