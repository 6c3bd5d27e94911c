import { bottom, contentWidth, type Doc, F, left, vn } from './pdf-kit';

/**
 * A ruled table that flows over pages: a row is never split, and the header row (with its optional
 * group row above, e.g. "Ngày, tháng, năm" over five date columns) is drawn again at the top of each
 * page, as a paper register does.
 */

export interface Column {
  header: string;
  /** Relative width; columns share the content width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
  /** Keep the cell on one line, shrinking the type if needed (codes must not break: they are searched for). */
  oneLine?: boolean;
}

export interface ColumnGroup {
  label: string;
  /** Index of the first and last column under the label. */
  from: number;
  to: number;
}

export interface TableOptions {
  columns: Column[];
  groups?: ColumnGroup[];
  rows: string[][];
  fontSize?: number;
  /** Bold rows (e.g. the main business line). */
  boldRows?: ReadonlySet<number>;
}

const PAD = 3;
const LINE_GAP = 1;

export function drawTable(doc: Doc, t: TableOptions): void {
  const fontSize = t.fontSize ?? 9.5;
  const x0 = left(doc);
  const total = t.columns.reduce((s, c) => s + c.weight, 0);
  const widths = t.columns.map((c) => (contentWidth(doc) * c.weight) / total);
  const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const grouped = new Set<number>();
  for (const g of t.groups ?? []) for (let i = g.from; i <= g.to; i++) grouped.add(i);

  const sizeFor = (text: string, width: number, font: string, oneLine?: boolean) => {
    if (!oneLine) return fontSize;
    doc.font(font).fontSize(fontSize);
    const natural = doc.widthOfString(vn(text));
    return natural <= width - 2 * PAD ? fontSize : (fontSize * (width - 2 * PAD)) / natural - 0.05;
  };

  const cellHeight = (text: string, width: number, font: string, oneLine?: boolean) => {
    doc.font(font).fontSize(sizeFor(text, width, font, oneLine));
    return doc.heightOfString(vn(text) || ' ', { width: width - 2 * PAD, lineGap: LINE_GAP }) + 2 * PAD;
  };

  const cell = (text: string, x: number, y: number, w: number, h: number, font: string, col?: Column) => {
    doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
    doc
      .font(font)
      .fontSize(sizeFor(text, w, font, col?.oneLine))
      .text(vn(text), x + PAD, y + PAD, { width: w - 2 * PAD, align: col?.align, lineBreak: !col?.oneLine, lineGap: LINE_GAP });
  };

  const groupHeight = t.groups?.length
    ? Math.max(...t.groups.map((g) => cellHeight(g.label, spanWidth(widths, g.from, g.to), F.bold)))
    : 0;
  // A grouped column's header sits under its group's label, so the header row is as tall as the
  // tallest of: a grouped header plus the group row, or an ungrouped header spanning both.
  const headHeight = Math.max(
    groupHeight,
    ...t.columns.map((c, i) => cellHeight(c.header, widths[i] ?? 0, F.bold) + (grouped.has(i) ? groupHeight : 0)),
  );

  const drawHeader = () => {
    const y = doc.y;
    for (const g of t.groups ?? []) {
      cell(g.label, xs[g.from] ?? x0, y, spanWidth(widths, g.from, g.to), groupHeight, F.bold, {
        header: '',
        weight: 0,
        align: 'center',
      });
    }
    t.columns.forEach((c, i) => {
      const top = grouped.has(i) ? y + groupHeight : y;
      const h = grouped.has(i) ? headHeight - groupHeight : headHeight;
      cell(c.header, xs[i] ?? x0, top, widths[i] ?? 0, h, F.bold, { ...c, align: 'center', oneLine: false });
    });
    doc.y = y + headHeight;
  };

  drawHeader();
  t.rows.forEach((row, r) => {
    const font = t.boldRows?.has(r) ? F.bold : F.regular;
    const h = Math.max(...row.map((text, i) => cellHeight(text, widths[i] ?? 0, font, t.columns[i]?.oneLine)));
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      drawHeader();
    }
    const y = doc.y;
    row.forEach((text, i) => {
      cell(text, xs[i] ?? x0, y, widths[i] ?? 0, h, font, t.columns[i]);
    });
    doc.y = y + h;
  });
  doc.x = x0;
  doc.y += 8;
  doc.font(F.regular);
}

function spanWidth(widths: number[], from: number, to: number): number {
  return widths.slice(from, to + 1).reduce((s, w) => s + w, 0);
}
