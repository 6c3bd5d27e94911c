import { formatVietnamClock, formatVietnamDate } from '@dvc/domain/vietnam-time';

/** How the identity capability's refusals say when to try again. */

/** "14:05 ngày 03/02/2026", in Vietnam's time. */
export function formatVietnamTime(date: Date): string {
  return `${formatVietnamClock(date)} ngày ${formatVietnamDate(date)}`;
}

/** "45 giây", "3 phút", "2 giờ": how long until `at`, rounded up. */
export function waitText(at: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} giây`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} phút` : `${Math.ceil(minutes / 60)} giờ`;
}
