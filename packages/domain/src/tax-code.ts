import { z } from 'zod';

/**
 * Enterprise tax code (mã số thuế doanh nghiệp): 10 digits — 2 of the province where it was
 * issued, 7 of sequence, 1 check digit — and, for a dependent unit (branch, representative
 * office), the parent's 10 digits plus a 3-digit suffix 001–999, written "0100109106-001".
 * Check digit: 10 − (Σ dᵢ·wᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 over the first
 * nine digits; a sum giving 10 has no valid digit, so no such code exists. Verified against
 * python-stdnum / stdnum-js `vn/mst` and two well-known codes (Viettel 0100109106, Vinamilk
 * 0300588569). Individuals use their 12-digit citizen identity number instead (from 1 Jul 2025):
 * not accepted here, since this is for enterprises.
 */

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit of the first nine digits, or undefined when no digit fits (remainder 0). */
export function taxCodeCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('expected nine digits');
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

/** Spaces, dots and dashes people type inside a code: "0100 109 106 - 001". */
function compact(value: string): string {
  return value.replace(/[\s.\-–]/g, '');
}

/** Problems of a tax code, in Vietnamese; empty when valid. */
export function checkTaxCode(value: string): string[] {
  const v = compact(value);
  if (v === '') return ['Vui lòng nhập mã số thuế'];
  if (!/^\d{10}(\d{3})?$/.test(v)) {
    return ['Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số dạng 0123456789-001 đối với đơn vị phụ thuộc'];
  }
  if (v.slice(0, 2) === '00' || v.slice(2, 9) === '0000000' || v.slice(10) === '000') {
    return ['Mã số thuế không hợp lệ'];
  }
  if (taxCodeCheckDigit(v.slice(0, 9)) !== Number(v[9])) {
    return ['Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng, vui lòng kiểm tra lại'];
  }
  return [];
}

/** "0100109106001" → "0100109106-001"; 10-digit codes unchanged. Assumes a valid code. */
export function formatTaxCode(value: string): string {
  const v = compact(value);
  return v.length === 13 ? `${v.slice(0, 10)}-${v.slice(10)}` : v;
}

/** An enterprise tax code, validated and normalised to "0123456789" or "0123456789-001". */
export const TaxCode = z
  .string({ error: 'Vui lòng nhập mã số thuế' })
  .trim()
  .superRefine((value, ctx) => {
    for (const message of checkTaxCode(value)) ctx.addIssue({ code: 'custom', message });
  })
  .transform(formatTaxCode);
export type TaxCode = z.output<typeof TaxCode>;
