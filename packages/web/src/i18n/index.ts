import en from './en.json';
import vi from './vi.json';

export type Locale = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
const catalogs: Record<Locale, Record<string, string>> = { vi, en };

/** Vietnamese first; English when the user picked it. Missing English falls back to Vietnamese. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogs[locale][key] ?? vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
