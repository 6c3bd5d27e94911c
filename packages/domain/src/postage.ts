import { foldVietnamese } from './text';

/**
 * Postage of a result sent by the public postal service (dịch vụ bưu chính công ích, Decision
 * 45/2016/QĐ-TTg), shown before filing and recorded on the postal order. The rates are data: by
 * destination (inside the province of the desk, or another) and weight class. They follow the shape
 * of VNPost's published price list for administrative documents; the amounts are to be checked
 * against the province's contract with the post office before relying on them.
 */

export const POSTAL_DESTINATIONS = ['same-province', 'other-province'] as const;
export type PostalDestination = (typeof POSTAL_DESTINATIONS)[number];

export const POSTAL_WEIGHT_CLASSES = ['den-100g', 'den-250g', 'den-500g'] as const;
export type PostalWeightClass = (typeof POSTAL_WEIGHT_CLASSES)[number];

export interface PostageRateTable {
  /** Where the amounts come from (shown with the fee). */
  basis: string;
  /** What each class reads as is the catalog's `postalWeight.<class>` (i18n/vi.ts). */
  weightClasses: Record<PostalWeightClass, { maxGrams: number }>;
  /** Integer đồng, VAT included. */
  rates: Record<PostalDestination, Record<PostalWeightClass, number>>;
}

export const POSTAGE_RATES: PostageRateTable = {
  basis: 'Bảng giá dịch vụ chuyển phát hồ sơ, kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích (đã gồm VAT)',
  weightClasses: {
    'den-100g': { maxGrams: 100 },
    'den-250g': { maxGrams: 250 },
    'den-500g': { maxGrams: 500 },
  },
  rates: {
    'same-province': { 'den-100g': 22_000, 'den-250g': 26_000, 'den-500g': 32_000 },
    'other-province': { 'den-100g': 28_000, 'den-250g': 34_000, 'den-500g': 42_000 },
  },
};

/** What the result weighs in its envelope, by kind of result: a certificate is one sheet, a document a few. */
export function weightClassForResult(kind: 'certificate' | 'acknowledgement' | 'document' | 'card'): PostalWeightClass {
  return kind === 'document' ? 'den-250g' : 'den-100g';
}

/**
 * Inside the province when the address names it ("…, tỉnh Quảng Ngãi", with or without diacritics);
 * otherwise another province — the higher rate, so the fee shown is never below the one charged.
 */
export function postalDestination(address: string, homeProvinceName: string): PostalDestination {
  const words = (s: string) =>
    ` ${foldVietnamese(s)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()} `;
  return words(address).includes(words(homeProvinceName)) ? 'same-province' : 'other-province';
}

export interface PostageQuote {
  destination: PostalDestination;
  weightClass: PostalWeightClass;
  /** Integer đồng. */
  amount: number;
}

export function postageFor(
  address: string,
  homeProvinceName: string,
  weightClass: PostalWeightClass,
  table: PostageRateTable = POSTAGE_RATES,
): PostageQuote {
  const destination = postalDestination(address, homeProvinceName);
  return { destination, weightClass, amount: table.rates[destination][weightClass] };
}
