import { createHmac, timingSafeEqual } from 'node:crypto';
import { VIETNAM_OFFSET_MS, vietnamParts } from '@dvc/domain/vietnam-time';

/**
 * VNPay payment protocol, version 2.1.0 (sandbox.vnpayment.vn/apis/docs): the request and the
 * callbacks are query strings of `vnp_` parameters signed with HMAC-SHA512 of the merchant's hash
 * secret over the parameters sorted by name, each value URL-encoded as in VNPay's own Node sample
 * (encodeURIComponent with %20 as '+'), empty values left out, vnp_SecureHash(Type) excluded.
 * Amounts travel ×100 (no decimals); dates are yyyyMMddHHmmss in GMT+7.
 */

export const VNP_VERSION = '2.1.0';
export type VnpParams = Record<string, string>;

/** IPN answers (JSON body `{ RspCode, Message }`), as VNPay's integration guide lists them. */
export const IPN = {
  ok: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknow error' },
} as const;
export type IpnAnswer = (typeof IPN)[keyof typeof IPN];

/** vnp_ResponseCode values used here: success, customer cancelled, insufficient balance. */
export const RESPONSE_SUCCESS = '00';
export const RESPONSE_CANCELLED = '24';
export const RESPONSE_INSUFFICIENT_FUNDS = '51';

export function encodeVnpValue(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The signed string: sorted `key=encodedValue` pairs joined by '&'. */
export function signData(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeVnpValue(params[k] ?? '')}`)
    .join('&');
}

export function secureHash(params: VnpParams, secret: string): string {
  return createHmac('sha512', secret)
    .update(Buffer.from(signData(params), 'utf8'))
    .digest('hex');
}

/** The query string to send: the signed pairs followed by vnp_SecureHash. */
export function signedQuery(params: VnpParams, secret: string): string {
  return `${signData(params)}&vnp_SecureHash=${secureHash(params, secret)}`;
}

export function buildPaymentUrl(base: string, params: VnpParams, secret: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}${signedQuery(params, secret)}`;
}

/** Whether a callback's vnp_SecureHash is the HMAC of its other parameters (constant-time compare). */
export function verifySignature(query: Record<string, unknown>, secret: string): boolean {
  const given = query.vnp_SecureHash;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const params: VnpParams = {};
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string') params[k] = v;
  const expected = Buffer.from(secureHash(params, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** Only the single-valued string parameters of a parsed query (a repeated key is refused upstream). */
export function vnpParamsOf(query: unknown): VnpParams {
  const out: VnpParams = {};
  if (query && typeof query === 'object') {
    for (const [k, v] of Object.entries(query)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-02T08:30:00Z → "20261202153000" (GMT+7). */
export function formatVnpDate(at: Date): string {
  const p = vietnamParts(at);
  return `${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** The inverse of formatVnpDate; undefined for anything else. */
export function parseVnpDate(text: string | undefined): Date | undefined {
  const m = text?.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - VIETNAM_OFFSET_MS);
  return formatVnpDate(at) === text ? at : undefined;
}

/** vnp_Amount for an amount in đồng, and back (undefined when not a whole number of đồng). */
export function toVnpAmount(dong: number): string {
  return String(dong * 100);
}
export function fromVnpAmount(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n % 100 === 0 ? n / 100 : undefined;
}
