/** Formatting for people: đồng with dot separators, dates in Vietnam time. */
const dong = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatDong(amount: number): string {
  return `${dong.format(amount)} đ`;
}

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
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
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
