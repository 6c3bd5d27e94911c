import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AgencyHeading, Signer } from './types';
import { formatDateLine } from './vn-format';

/**
 * Page furniture shared by every form: fonts, A4 page, the two-column heading (agency | national
 * heading), title, labelled lines, tables that paginate, signature blocks, QR codes.
 *
 * Fonts: full DejaVu Sans TrueType files from the `dejavu-fonts-ttf` package (all Vietnamese
 * precomposed letters). PDFKit embeds the glyphs used with a ToUnicode map, so the PDF shows
 * the same diacritics on any reader and its text can be searched and extracted. The standard 14 PDF
 * fonts cannot be used: they have no "ộ", "ữ", "ẫ"… The system copy is only a fallback for a tree
 * where the package is missing; the app must not depend on an OS package.
 */

export type Doc = PDFKit.PDFDocument;

type PdfKit = typeof import('pdfkit');
let pdfKit: PdfKit | undefined;
/** PDFKit loads with the first document, not at start: an idle server does not carry it (issue 11). */
function loadPdfKit(): PdfKit {
  pdfKit ??= createRequire(import.meta.url)('pdfkit') as PdfKit;
  return pdfKit;
}

const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
} as const;
type FontKey = keyof typeof FONT_FILES;
export const F: Record<FontKey, string> = { regular: 'vn', bold: 'vn-bold', italic: 'vn-italic' };

let fontCache: Record<FontKey, Buffer> | undefined;

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  try {
    return join(require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, ''), 'ttf');
  } catch {
    return '/usr/share/fonts/truetype/dejavu';
  }
}

export function loadFonts(): Record<FontKey, Buffer> {
  if (fontCache) return fontCache;
  const dir = fontDirectory();
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`Thiếu phông chữ tiếng Việt: ${path} (gói dejavu-fonts-ttf)`);
    return readFileSync(path);
  };
  fontCache = { regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold), italic: read(FONT_FILES.italic) };
  return fontCache;
}

/** Text may arrive decomposed (NFD, e.g. typed on macOS); the font's precomposed glyphs need NFC. */
export const vn = (s: string) => s.normalize('NFC');

export const SIZE = { body: 10.5, small: 8.5, heading: 10.5, title: 13.5 } as const;

export interface DocOptions {
  title: string;
  landscape?: boolean;
  /** Fixes the PDF's creation date so the same data renders the same file. */
  createdAt: Date;
}

export function createDocument(opts: DocOptions): Doc {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: opts.landscape ? { top: 40, bottom: 40, left: 40, right: 40 } : { top: 45, bottom: 45, left: 57, right: 45 },
    bufferPages: true,
    lang: 'vi-VN',
    info: { Title: vn(opts.title), Creator: 'DVC Quảng Ngãi', CreationDate: opts.createdAt },
  });
  const fonts = loadFonts();
  doc.registerFont(F.regular, fonts.regular);
  doc.registerFont(F.bold, fonts.bold);
  doc.registerFont(F.italic, fonts.italic);
  doc.font(F.regular).fontSize(SIZE.body).lineGap(2.5);
  return doc;
}

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` does not fit below the cursor. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
    doc.x = left(doc);
  }
}

/** Writes "Trang i/n" at the foot of every page when there is more than one, then returns the bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
      doc
        .font(F.italic)
        .fontSize(SIZE.small)
        .text(`Trang ${i + 1}/${range.count}`, left(doc), doc.page.height - saved + 12, {
          width: contentWidth(doc),
          align: 'right',
          lineBreak: false,
        });
      doc.page.margins.bottom = saved;
    }
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface HeadingOptions {
  agency: AgencyHeading;
  formNumber?: string;
  documentNumber?: string;
  issuedAt?: Date;
}

/**
 * Left: parent body (regular caps), the unit (bold caps), a short rule, "Số: …".
 * Right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" underlined, and the italic
 * date line. The form number sits above, at the right edge.
 */
export function drawHeading(doc: Doc, h: HeadingOptions): void {
  const x0 = left(doc);
  const w = contentWidth(doc);
  let top = doc.page.margins.top;
  if (h.formNumber) {
    doc.font(F.bold).fontSize(SIZE.small).text(vn(h.formNumber), x0, top, { width: w, align: 'right' });
    top = doc.y + 4;
  }
  const leftW = w * 0.42;
  const rightX = x0 + leftW;
  const rightW = w - leftW;

  doc.fontSize(SIZE.heading);
  let y = top;
  if (h.agency.parentName) {
    doc.font(F.regular).text(vn(h.agency.parentName).toUpperCase(), x0, y, { width: leftW, align: 'center' });
    y = doc.y;
  }
  doc.font(F.bold).text(vn(h.agency.name).toUpperCase(), x0, y, { width: leftW, align: 'center' });
  y = doc.y + 3;
  rule(doc, x0 + leftW / 2 - 30, y, 60);
  y += 6;
  if (h.documentNumber !== undefined) {
    doc.font(F.regular).text(`Số: ${vn(h.documentNumber)}`, x0, y, { width: leftW, align: 'center' });
    y = doc.y;
  }
  const leftBottom = y;

  doc.font(F.bold).fontSize(SIZE.heading);
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center' });
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.fontSize(SIZE.heading + 0.5).text(motto, rightX, doc.y, { width: rightW, align: 'center' });
  const mottoW = doc.widthOfString(motto);
  let ry = doc.y + 2;
  rule(doc, rightX + (rightW - mottoW) / 2, ry, mottoW);
  ry += 8;
  if (h.issuedAt) {
    doc.font(F.italic).fontSize(SIZE.body);
    doc.text(formatDateLine(vn(h.agency.place), h.issuedAt), rightX, ry, { width: rightW, align: 'center' });
    ry = doc.y;
  }
  doc.x = x0;
  doc.y = Math.max(leftBottom, ry) + 16;
  doc.font(F.regular).fontSize(SIZE.body);
}

export function rule(doc: Doc, x: number, y: number, width: number): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.6)
    .stroke()
    .restore();
}

/** Bold caps title, centered; optional italic line under it. */
export function drawTitle(doc: Doc, title: string, sub?: string): void {
  doc
    .font(F.bold)
    .fontSize(SIZE.title)
    .text(vn(title), left(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  if (sub)
    doc
      .font(F.italic)
      .fontSize(SIZE.body)
      .text(vn(sub), { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.6).font(F.regular).fontSize(SIZE.body);
}

/** "Label: value" with the value in bold; long values wrap under the line. */
export function field(doc: Doc, label: string, value: string | undefined, opts: { indent?: number } = {}): void {
  const x = left(doc) + (opts.indent ?? 0);
  const width = contentWidth(doc) - (opts.indent ?? 0);
  doc
    .font(F.regular)
    .fontSize(SIZE.body)
    .text(`${vn(label)}: `, x, doc.y, { width, continued: true });
  doc.font(F.bold).text(vn(value && value.length > 0 ? value : '…'), { width });
  doc.font(F.regular);
}

/** A plain paragraph (regular, justified), at the left margin. */
export function paragraph(doc: Doc, text: string, opts: { indent?: number; italic?: boolean } = {}): void {
  const x = left(doc) + (opts.indent ?? 0);
  doc
    .font(opts.italic ? F.italic : F.regular)
    .fontSize(SIZE.body)
    .text(vn(text), x, doc.y, { width: contentWidth(doc) - (opts.indent ?? 0), align: 'justify', paragraphGap: 2 });
  doc.font(F.regular);
}

export async function qrPng(text: string): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/**
 * The code band of a slip: the QR code (the dossier code, or `qrContent` such as the lookup
 * address) at the left, the code in large bold type beside it, so the desk can scan it and the
 * citizen can type it.
 */
export async function drawCodeBand(doc: Doc, code: string, hint: string, qrContent = code): Promise<void> {
  const size = 62;
  ensureSpace(doc, size + 10);
  const x = left(doc);
  const y = doc.y;
  doc.image(await qrPng(qrContent), x, y, { width: size, height: size });
  const tx = x + size + 10;
  const tw = contentWidth(doc) - size - 10;
  doc
    .font(F.regular)
    .fontSize(SIZE.body)
    .text('Mã hồ sơ:', tx, y + 8, { width: tw });
  doc.font(F.bold).fontSize(SIZE.title).text(vn(code), tx, doc.y, { width: tw });
  doc
    .font(F.italic)
    .fontSize(SIZE.small)
    .text(vn(hint), tx, doc.y + 1, { width: tw });
  doc.x = x;
  doc.y = Math.max(y + size, doc.y) + 10;
  doc.font(F.regular).fontSize(SIZE.body);
}

/** QR to the public verification page with its caption; drawn at (x, y), returns the bottom. */
export async function drawVerificationQr(doc: Doc, url: string, x: number, y: number, width: number): Promise<number> {
  const size = 72;
  doc.image(await qrPng(url), x, y, { width: size, height: size });
  doc
    .font(F.italic)
    .fontSize(SIZE.small - 0.5)
    .text('Quét mã để xác minh tính xác thực của văn bản:', x, y + size + 2, { width });
  // One line, so the address can be read and typed as printed; shrink the type for a long one.
  doc.font(F.regular).fontSize(SIZE.small - 0.5);
  const fit = Math.min(SIZE.small - 0.5, ((SIZE.small - 0.5) * width) / doc.widthOfString(url) - 0.05);
  doc.fontSize(fit).text(url, x, doc.y, { width, lineBreak: false });
  doc.y += fit + 4;
  return doc.y;
}

export interface SignatureBlock {
  title: string;
  subtitle?: string;
  hint?: string;
  name: string;
  note?: string;
}

export function signerBlock(s: Signer, hint = '(Ký, ghi rõ họ tên và đóng dấu)'): SignatureBlock {
  return { title: s.title, subtitle: s.subtitle, hint, name: s.name, note: s.signedNote };
}

const SIGNATURE_HEIGHT = 125;

/**
 * One block: right half. Two blocks: left and right halves. Never split across pages.
 * `leftSlot` lets the caller draw something (a QR code) in the left half instead of a block.
 */
export async function drawSignatures(
  doc: Doc,
  blocks: SignatureBlock[],
  leftSlot?: (x: number, y: number, width: number) => Promise<number>,
): Promise<void> {
  ensureSpace(doc, SIGNATURE_HEIGHT);
  const x0 = left(doc);
  const half = contentWidth(doc) / 2;
  const top = doc.y + 4;
  let lowest = top;
  const placed = blocks.length === 1 ? [{ b: blocks[0], x: x0 + half }] : blocks.map((b, i) => ({ b, x: x0 + i * half }));
  for (const { b, x } of placed) {
    if (!b) continue;
    doc.font(F.bold).fontSize(SIZE.body).text(vn(b.title).toUpperCase(), x, top, { width: half, align: 'center' });
    if (b.subtitle) doc.text(vn(b.subtitle).toUpperCase(), x, doc.y, { width: half, align: 'center' });
    if (b.hint) doc.font(F.italic).fontSize(SIZE.small).text(vn(b.hint), x, doc.y, { width: half, align: 'center' });
    const nameY = doc.y + 52;
    if (b.note) {
      doc
        .font(F.italic)
        .fontSize(SIZE.small)
        .text(vn(b.note), x, nameY - 26, { width: half, align: 'center' });
    }
    doc.font(F.bold).fontSize(SIZE.body).text(vn(b.name), x, nameY, { width: half, align: 'center' });
    lowest = Math.max(lowest, doc.y);
  }
  if (leftSlot && blocks.length === 1) lowest = Math.max(lowest, await leftSlot(x0, top, half - 20));
  doc.x = x0;
  doc.y = lowest + 10;
  doc.font(F.regular).fontSize(SIZE.body);
}
