import { amountInWords } from './amount-in-words';
import {
  contentWidth,
  createDocument,
  drawCodeBand,
  drawSignatures,
  drawTitle,
  F,
  field,
  finish,
  left,
  rule,
  SIZE,
  vn,
} from './pdf-kit';
import { drawTable } from './table';
import { FeeReceiptData } from './types';
import { formatDateLine, formatDongLong, formatVnDateTime } from './vn-format';

export const FEE_RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ';

/**
 * The printable form of an electronic fee receipt: collector, receipt template symbol / series /
 * number, payer, items, total in figures and in words, payment method, date, and the dossier code
 * (text and QR). The legally valid receipt is the electronic one; this is its visual copy.
 */
export async function renderFeeReceipt(input: FeeReceiptData): Promise<Buffer> {
  const d = FeeReceiptData.parse(input);
  const total = d.items.reduce((s, i) => s + i.amount, 0);
  const doc = createDocument({ title: `${FEE_RECEIPT_TITLE} ${d.series} ${d.number}`, createdAt: d.issuedAt });

  const x0 = left(doc);
  const w = contentWidth(doc);
  const top = doc.page.margins.top;
  doc
    .font(F.bold)
    .fontSize(SIZE.heading)
    .text(vn(d.collector.name).toUpperCase(), x0, top, { width: w * 0.6 });
  doc.font(F.regular).text(`Mã số thuế: ${vn(d.collector.taxCode)}`, x0, doc.y, { width: w * 0.6 });
  if (d.collector.address) doc.text(`Địa chỉ: ${vn(d.collector.address)}`, x0, doc.y, { width: w * 0.6 });
  const leftBottom = doc.y;
  const rx = x0 + w * 0.65;
  const rw = w * 0.35;
  doc.font(F.regular).fontSize(SIZE.body);
  doc.text(`Mẫu số: ${vn(d.templateSymbol)}`, rx, top, { width: rw });
  doc.text(`Ký hiệu: ${vn(d.series)}`, rx, doc.y, { width: rw });
  doc.font(F.bold).text(`Số: ${vn(d.number)}`, rx, doc.y, { width: rw });
  doc.y = Math.max(leftBottom, doc.y) + 6;
  rule(doc, x0, doc.y, w);
  doc.x = x0;
  doc.y += 12;

  drawTitle(doc, FEE_RECEIPT_TITLE, '(Bản thể hiện của biên lai điện tử)');
  doc.font(F.italic).text(formatDateLine(d.agency.place, d.paidAt), x0, doc.y, { width: w, align: 'center' });
  doc.moveDown(0.6);
  await drawCodeBand(doc, d.dossierCode, 'Khoản thu thuộc hồ sơ có mã trên.');

  field(doc, 'Tên người nộp', d.payer.fullName);
  if (d.payer.address) field(doc, 'Địa chỉ', d.payer.address);
  if (d.payer.taxCode) field(doc, 'Mã số thuế / Số định danh', d.payer.taxCode);
  field(doc, 'Thời gian nộp', formatVnDateTime(d.paidAt));
  field(doc, 'Hình thức thanh toán', d.paymentMethod);
  doc.moveDown(0.3);
  drawTable(doc, {
    columns: [
      { header: 'STT', weight: 8, align: 'center' },
      { header: 'Tên loại phí, lệ phí', weight: 67 },
      { header: 'Số tiền (đồng)', weight: 25, align: 'right' },
    ],
    rows: [
      ...d.items.map((i, n) => [String(n + 1), i.name, formatDongLong(i.amount).replace(' đồng', '')]),
      ['', 'Tổng cộng', formatDongLong(total).replace(' đồng', '')],
    ],
    boldRows: new Set([d.items.length]),
  });
  field(doc, 'Số tiền bằng chữ', amountInWords(total));
  if (d.lookupCode) field(doc, 'Mã tra cứu biên lai', d.lookupCode);
  doc.moveDown(0.8);
  await drawSignatures(doc, [
    // "Đã ký điện tử" is the signature block's, added only when the file is signed (signing/).
    { title: 'Người thu tiền', hint: '(Ký, ghi rõ họ tên)', name: d.collectorOfficer },
  ]);
  return finish(doc);
}
