import { z } from 'zod';

let configured = false;
/** Validation messages in Vietnamese, on the phone and on the server alike. */
export function configureZodLocale(): void {
  if (configured) return;
  z.config(z.locales.vi());
  configured = true;
}
