import { createHash } from 'node:crypto';
import { safeEqual } from '../identity/secrets';

/**
 * The token of a dossier's rating link, sent by SMS to filers without an account (counter,
 * hotline): derived from the dossier's id, a random UUID that is never shown outside the desk, so
 * the link needs no table and no key of its own, and the public code alone does not give it.
 */
export function ratingToken(dossierId: string): string {
  return createHash('sha256').update(`dvc-rating:${dossierId}`).digest('base64url').slice(0, 32);
}

export function ratingTokenMatches(dossierId: string, token: string | undefined): boolean {
  return token !== undefined && safeEqual(ratingToken(dossierId), token);
}

/** /danh-gia?ma=…&t=…, the page the SMS opens. */
export function ratingUrl(publicUrl: string, code: string, dossierId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/danh-gia?ma=${encodeURIComponent(code)}&t=${ratingToken(dossierId)}`;
}
