import { z } from 'zod';

/**
 * Dossier code, Circular 01/2018/TT-VPCP art. 19: `<agency code>-YYMMDD-NNNN`, where the agency code
 * is the unit's identifier under Circular 10/2016/TT-BTTTT (shape like `000.00.00.H00`: groups of letters and
 * digits separated by dots), YYMMDD the receipt date and NNNN the 4-digit sequence of the day.
 * A desk's day is not capped at 9999 (decision 007): from the 10,000th filing of a day the sequence is
 * written in full, with a fifth digit and more (`…-250702-10000`), never with a leading zero, so every
 * code still has exactly one spelling and sorts after that day's 4-digit codes of the same length.
 * Whether Circular 03/2025/TT-VPCP (which now governs codes) changed the layout could not be confirmed
 * from the stored sources (verify against its text); the layout is kept and the agency code is treated
 * as opaque so a change there does not touch this module.
 *
 * The date is the receipt date in Vietnam (UTC+7, no daylight saving time), not the UTC date: a dossier
 * received at 06:30 on 2 May in Quảng Ngãi is 23:30 on 1 May in UTC.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const AGENCY_CODE = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;
// Four digits, zero-padded; or five to nine digits without a leading zero (decision 007).
const CODE = /^([A-Z0-9]+(?:\.[A-Z0-9]+)*)-(\d{2})(\d{2})(\d{2})-(\d{4}|[1-9]\d{4,8})$/;
/** Nine digits: far beyond any desk's day, and within the database counter's integer. */
export const MAX_DAILY_SEQUENCE = 999_999_999;

export interface DossierCodeParts {
  agencyCode: string;
  /** Receipt date, Vietnam local, `YYYY-MM-DD`. */
  receiptDate: string;
  /** 1…9999 in four digits, then 10000 and on (decision 007). */
  sequence: number;
}

/** `YYYY-MM-DD` of an instant in Vietnam. */
export function vietnamLocalDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * @param receipt the receipt instant (converted to the Vietnam date) or a Vietnam local date `YYYY-MM-DD`.
 * Throws RangeError on a malformed agency code, date or sequence: these are programming errors, the
 * sequence comes from the database counter.
 */
export function formatDossierCode(agencyCode: string, receipt: Date | string, sequence: number): string {
  if (!AGENCY_CODE.test(agencyCode)) throw new RangeError(`Mã cơ quan không hợp lệ: ${agencyCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`Số thứ tự trong ngày phải từ 1 đến ${MAX_DAILY_SEQUENCE}: ${sequence}`);
  }
  const date = typeof receipt === 'string' ? receipt : vietnamLocalDate(receipt);
  if (!isRealDate(date)) throw new RangeError(`Ngày tiếp nhận không hợp lệ: ${date}`);
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2099) throw new RangeError(`Năm tiếp nhận ngoài phạm vi mã hai chữ số: ${year}`);
  const yymmdd = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Reads a code as people type it on a phone: surrounding and inner spaces ignored, lower case accepted.
 * Returns null when it is not a dossier code (a wrong date such as 230230 included).
 */
export function parseDossierCode(input: string): DossierCodeParts | null {
  const match = CODE.exec(normalizeDossierCode(input));
  if (!match) return null;
  const [, agencyCode, yy, mm, dd, seq] = match as unknown as [string, string, string, string, string, string];
  const receiptDate = `20${yy}-${mm}-${dd}`;
  const sequence = Number(seq);
  if (!isRealDate(receiptDate) || sequence < 1) return null;
  return { agencyCode, receiptDate, sequence };
}

export function normalizeDossierCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** Accepts a typed code (spaces, lower case) and outputs the canonical form. */
export const dossierCodeSchema = z
  .string()
  .transform(normalizeDossierCode)
  .refine((code) => parseDossierCode(code) !== null, {
    message: 'Mã hồ sơ không đúng dạng <mã cơ quan>-YYMMDD-NNNN, ví dụ 000.00.00.H00-250702-0001 hoặc 000.00.00.H00-250702-10000',
  });
