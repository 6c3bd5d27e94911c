import { useCallback, useSyncExternalStore } from 'react';
import en from './en.json';
import vi from './vi.json';

export type Locale = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
const catalogs: Record<Locale, Record<string, string>> = { vi, en };

/**
 * Vietnamese first; English when the user picked it. Missing English falls back to Vietnamese.
 * Vietnamese nouns have no plural; English ones do: a `key.one` entry is used when `count` is 1
 * ("1 procedure", not "1 procedures").
 */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const singular = params.count === 1 ? catalogs[locale][`${key}.one`] : undefined;
  const text = singular ?? catalogs[locale][key] ?? vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * A label of a code the server sends (an event, a topic, a dossier's state, step, actor's role or
 * channel): the catalog's entry under `prefix.id` in this locale when there is one, else what the
 * server sent (its Vietnamese label, or the code itself).
 */
export function dataLabel(
  locale: Locale,
  prefix: 'event' | 'topic' | 'state' | 'step' | 'role' | 'channel',
  id: string,
  sent: string,
): string {
  return catalogs[locale][`${prefix}.${id}`] ?? sent;
}

const STORAGE_KEY = 'dvc.locale';
function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let locale: Locale = initialLocale();
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale) {
  locale = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts this visit
  }
  document.documentElement.lang = next;
  for (const l of listeners) l();
}

/** The current locale and its translate function; re-renders when the language switch changes. */
export function useI18n() {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => locale,
    // The same when a screen is rendered to HTML (the screens' tests do).
    () => locale,
  );
  // Stable per locale: screens list `t` in their effects' dependencies (a new function every
  // render would refetch on every render).
  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(current, key, params),
    [current],
  );
  return { locale: current, t };
}
