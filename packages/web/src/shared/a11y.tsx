import type { KeyboardEvent, MouseEvent } from 'react';
import { setLocale, useI18n } from '../i18n';
import { rememberLanguage } from './session';

/** The id of each shell's <main>, the skip link's target. */
export const MAIN_ID = 'noi-dung';

/**
 * "Bỏ qua, đến nội dung chính": the first thing a keyboard or screen reader user meets, hidden until
 * focused. It moves the focus itself instead of following `#noi-dung`, so the router's address
 * stays as it is.
 */
export function SkipLink() {
  const { t } = useI18n();
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    e.preventDefault();
    main.focus();
  };
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={skip}>
      {t('a11y.skipToContent')}
    </a>
  );
}

/**
 * The language button: its visible "EN"/"VI" is part of its accessible name (a voice user says
 * what they see), followed by what it does.
 */
export function LanguageButton({ className }: { className: string }) {
  const { t, locale } = useI18n();
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        setLocale(locale === 'vi' ? 'en' : 'vi');
        void rememberLanguage();
      }}
      aria-label={t('a11y.langSwitch')}
    >
      {t('a11y.langShort')}
    </button>
  );
}

/**
 * Arrow keys through a search box and the list of buttons under it: ↓ from the box to the first
 * option, ↓/↑ between options, ↑ from the first back to the box. Put on the element holding both.
 */
export function arrowKeysThroughOptions(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const box = e.currentTarget.querySelector<HTMLInputElement>('input[type=search]');
  const options = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.options button:not(:disabled)')];
  const stops: HTMLElement[] = box ? [box, ...options] : options;
  const at = stops.indexOf(document.activeElement as HTMLElement);
  if (at < 0 || options.length === 0) return;
  const next = stops[e.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0)];
  e.preventDefault();
  next?.focus();
}

/** Enter in a text field goes to the next step, as "Tiếp tục" does (not while an IME composes a word). */
export function enterAdvances(e: KeyboardEvent<HTMLElement>, next: (() => void) | undefined) {
  const field = e.target;
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || !next || !(field instanceof HTMLInputElement)) return;
  // A search box picks from its list, a checkbox or radio toggles, a file input opens the picker.
  if (['search', 'checkbox', 'radio', 'file', 'button', 'submit'].includes(field.type)) return;
  e.preventDefault();
  next();
}
