/**
 * What the assistant keeps of a message (issue 19 point 6): the words, not the person. Identity
 * numbers, phone numbers, dossier codes, e-mail addresses and any other run of four digits or more
 * (the phone's last four, a lookup PIN) are replaced before anything is stored or counted.
 */

const DOSSIER_CODE = /\b[A-Z0-9]+(?:\.[A-Z0-9]+)*\s*-\s*\d{6}\s*-\s*\d{4,9}\b/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Twelve digits (CCCD, personal identification number) or nine (the old CMND), spaces or dots allowed. */
const IDENTITY_NUMBER = /(?<!\d)(?:\d[\s.]?){11}\d(?!\d)|(?<!\d)(?:\d[\s.]?){8}\d(?!\d)/g;
/** A Vietnamese phone number as people write it: 0 or +84 then 9 digits, spaces, dots or dashes between. */
const PHONE = /(?<![\d])(?:\+?84|0)(?:[\s.-]?\d){9}(?!\d)/g;
const LONG_NUMBER = /(?<![\d.])\d{4,}(?![\d])/g;

export const MASKS = {
  dossierCode: '[mã hồ sơ]',
  email: '[email]',
  identityNumber: '[số định danh]',
  phone: '[số điện thoại]',
  number: '[số]',
} as const;

/** The text with personal data masked; the rest is left as it was asked. */
export function maskPersonalData(text: string): string {
  return text
    .replace(DOSSIER_CODE, MASKS.dossierCode)
    .replace(EMAIL, MASKS.email)
    .replace(PHONE, MASKS.phone)
    .replace(IDENTITY_NUMBER, MASKS.identityNumber)
    .replace(LONG_NUMBER, MASKS.number);
}
