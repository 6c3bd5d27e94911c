import { en } from './en';
import { vi } from './vi';

export type TextLocale = 'vi' | 'en';
export type TextKey = keyof typeof vi;
const catalogs: Record<TextLocale, Partial<Record<TextKey, string>>> = { vi, en };

/**
 * What a code reads as, for text the server renders: `catalogText('vi', `state.${status}`)`.
 * English falls back to Vietnamese. A code the catalog does not know (a row written by a newer
 * version, a typo in data) reads as `fallback`, else as its key, so nothing shows blank.
 */
export function catalogText(locale: TextLocale, key: TextKey, fallback?: string): string {
  return catalogs[locale][key] ?? vi[key] ?? fallback ?? key;
}
