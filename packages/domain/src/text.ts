import { formatPercentVi } from './indicators';

/**
 * Vietnamese text helpers. Folding removes diacritics and case so that "ho kinh doanh" finds
 * "Hộ kinh doanh"; đ/Đ is a separate letter in Unicode (no combining mark), so it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 0.97875 → "97,88%" — the Vietnamese way, two decimals, exact halves up (the reports' one rounding). */
export function formatPercent(ratio: number): string {
  return formatPercentVi(ratio);
}

/** 2318000 → "2.318.000 đ" */
export function formatDong(amount: number): string {
  return `${integerFormat.format(amount)} đ`;
}
