/** Numbers the Vietnamese way: "1.234", "97,88%", "2.318.000 đ" (money from shared/format). */
import { formatPercentVi } from '@dvc/domain/indicators';

export { formatDong } from '../shared/format';

const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return count.format(n);
}

/** 0.978776 → "97,88%"; null (nothing to measure) → "—". */
export function formatRate(rate: number | null | undefined): string {
  return formatPercentVi(rate ?? null);
}

/** "2023-03-22" → "22/03/2023" */
export function formatDay(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** "2022-11" → "11/2022" */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

/** "Huyện Bình Sơn" → "Bình Sơn": chart axes have room for the place name only. */
export function shortUnitName(name: string): string {
  return name.replace(/^(Huyện|Thị xã|Thành phố|Phường|Xã|Thị trấn|Đặc khu|Tỉnh)\s+/u, '');
}
