/**
 * VietQR (Napas 247) payload: the EMVCo merchant-presented QR string a banking app reads to prefill
 * an inter-bank transfer. Pure. Layout (ID, two-digit length, value):
 *   00 "01" payload format · 01 "11" static / "12" dynamic (has an amount) ·
 *   38 merchant account { 00 GUID "A000000727" · 01 { 00 acquirer BIN · 01 account or card no } · 02 service code } ·
 *   53 "704" (VND) · 54 amount · 58 "VN" · 62 { 08 purpose of transaction } · 63 CRC-16/CCITT-FALSE.
 */

export const VIETQR_GUID = 'A000000727';
/** QRIBFTTA: transfer to an account; QRIBFTTC: to a card number. */
export type VietQrService = 'QRIBFTTA' | 'QRIBFTTC';

export interface VietQrInput {
  /** Six-digit Napas BIN of the receiving bank (e.g. 970415 VietinBank). */
  bin: string;
  accountNumber: string;
  /** Integer đồng; absent for a static code (the payer types the amount). */
  amount?: number;
  /** Transfer content; folded to ASCII (banks reject diacritics) and cut to 25 characters. */
  purpose?: string;
  service?: VietQrService;
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`Trường ${id} quá dài`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the UTF-8 bytes, 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** "Lệ phí hồ sơ 000.00.21" → "Le phi ho so 000.00.21": keeps case, drops diacritics and other symbols. */
export function transferContent(text: string, max = 25): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bin)) throw new RangeError('BIN ngân hàng phải gồm 6 chữ số');
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) throw new RangeError('Số tài khoản không hợp lệ');
  if (
    input.amount !== undefined &&
    (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > 9_999_999_999_999)
  ) {
    throw new RangeError('Số tiền không hợp lệ');
  }
  const beneficiary = tlv('00', input.bin) + tlv('01', input.accountNumber);
  const account = tlv('00', VIETQR_GUID) + tlv('01', beneficiary) + tlv('02', input.service ?? 'QRIBFTTA');
  const purpose = input.purpose === undefined ? '' : transferContent(input.purpose);
  const body =
    tlv('00', '01') +
    tlv('01', input.amount === undefined ? '11' : '12') +
    tlv('38', account) +
    tlv('53', '704') +
    (input.amount === undefined ? '' : tlv('54', String(input.amount))) +
    tlv('58', 'VN') +
    (purpose ? tlv('62', tlv('08', purpose)) : '');
  const withCrcHeader = `${body}6304`;
  return withCrcHeader + crc16CcittFalse(withCrcHeader);
}

/** Whether the last four characters are the CRC of everything before them (what a reader checks). */
export function hasValidVietQrCrc(payload: string): boolean {
  return payload.length > 8 && payload.slice(-8, -4) === '6304' && crc16CcittFalse(payload.slice(0, -4)) === payload.slice(-4);
}
