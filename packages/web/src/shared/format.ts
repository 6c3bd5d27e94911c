import { VIETNAM_TIME_ZONE } from '@dvc/domain/vietnam-time';

/** Formatting for people: đồng with dot separators, dates in Vietnam time. */
/** 2318000 → "2.318.000 đ" (the domain's one way). */
export { formatDong } from '@dvc/domain/text';

/** "1500000" → "1.500.000" as the citizen types; digits only are kept. */
export function groupThousands(digits: string): string {
  const clean = digits.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return clean.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function parseGrouped(text: string): number | undefined {
  const clean = text.replace(/\D/g, '');
  return clean === '' ? undefined : Number(clean);
}

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function formatDateTime(iso: string | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '';
}
export function formatDate(iso: string | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '';
}
