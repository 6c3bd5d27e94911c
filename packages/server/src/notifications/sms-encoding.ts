import smpp from 'smpp';

export type SmsEncoding = 'ucs2' | 'gsm7';

/** data_coding of submit_sm: 8 = UCS-2; 0 = the SMSC's default alphabet, GSM 03.38 7-bit. */
export const DATA_CODING: Record<SmsEncoding, number> = { ucs2: smpp.ENCODING.UCS2, gsm7: smpp.ENCODING.SMSC_DEFAULT };

/** A single message, and each part of a concatenated one (the 6-octet UDH takes the difference). */
const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  ucs2: { single: 70, part: 67 },
  gsm7: { single: 160, part: 153 },
};

/**
 * Vietnamese without diacritics, for GSM 7-bit: Unicode decomposition takes the tone and vowel marks
 * off as combining characters (ồ → o + ̂ + ̀), which are dropped; đ/Đ are letters of their own, not
 * a d with a mark, and are mapped by hand. What is left outside GSM 03.38 becomes '?'.
 */
export function withoutDiacritics(text: string): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
  return [...plain].map((ch) => (isGsm(ch) ? ch : '?')).join('');
}

function isGsm(ch: string): boolean {
  return smpp.encodings.ASCII.match(ch);
}

/** How many septets a character takes in GSM 03.38 (the extension table's ones take an escape too). */
function septets(ch: string): number {
  return smpp.encodings.ASCII.encode(ch).length;
}

/** The text as it goes on the air under this encoding (composed, so that ồ is one UCS-2 character). */
export function smsTextFor(body: string, encoding: SmsEncoding): string {
  return encoding === 'gsm7' ? withoutDiacritics(body) : body.normalize('NFC');
}

/**
 * The parts of a message: one when it fits a single SMS, otherwise parts of at most 67 UCS-2
 * characters / 153 septets each, never cutting a surrogate pair or a GSM escape sequence in two.
 */
export function splitSms(text: string, encoding: SmsEncoding): string[] {
  const cost = encoding === 'gsm7' ? septets : (ch: string) => ch.length;
  const chars = [...text];
  const total = chars.reduce((n, ch) => n + cost(ch), 0);
  const { single, part } = LIMITS[encoding];
  if (total <= single) return [text];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    const c = cost(ch);
    if (used + c > part) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += c;
  }
  if (current) parts.push(current);
  return parts;
}

/** The concatenation header of part `seq` (1-based) of `total`: IEI 0x00, 8-bit reference. */
export function concatenationUdh(reference: number, total: number, seq: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, seq]);
}
