/**
 * How instants and amounts are printed on the forms, in Vietnam time (@dvc/domain/vietnam-time).
 */
import { vietnamParts } from '@dvc/domain/vietnam-time';

export { vietnamParts } from '@dvc/domain/vietnam-time';

const two = (n: number) => String(n).padStart(2, '0');

/** "15 giờ 30 phút, ngày 02 tháng 12 năm 2026" — the form's way of printing a reception/return time. */
export function formatVnDateTime(at: Date): string {
  const p = vietnamParts(at);
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ngày ${two(p.day)} tháng ${two(p.month)} năm ${p.year}`;
}

/** "ngày 02 tháng 12 năm 2026" */
export function formatVnDate(at: Date): string {
  const p = vietnamParts(at);
  return `ngày ${two(p.day)} tháng ${two(p.month)} năm ${p.year}`;
}

/**
 * The date line under the national heading: "Quảng Ngãi, ngày 02 tháng 12 năm 2026".
 * Decree 30/2020/NĐ-CP (Phụ lục I): a day below 10 and the months 1 and 2 take a leading zero,
 * the other months do not ("ngày 05 tháng 3 năm 2026", "ngày 15 tháng 02 năm 2026").
 */
export function formatDateLine(place: string, at: Date): string {
  const p = vietnamParts(at);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `${place}, ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/** "02/12/2026" */
export function formatShortDate(at: Date): string {
  const p = vietnamParts(at);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "02/12/2026 15:30" — compact, for table cells. */
export function formatShortDateTime(at: Date): string {
  const p = vietnamParts(at);
  return `${formatShortDate(at)} ${two(p.hour)}:${two(p.minute)}`;
}

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 2318000 → "2.318.000 đồng" */
export function formatDongLong(amount: number): string {
  return `${grouping.format(amount)} đồng`;
}

/** `<publicUrl>/xac-minh/<code>` — the public verification page a result's QR code points to. */
export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/xac-minh/${encodeURIComponent(code)}`;
}
