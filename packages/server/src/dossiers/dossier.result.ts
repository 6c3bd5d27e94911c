import type { FieldError } from '../http/problem';

/** Expected failures of the dossier services, as values; the routes map them to problem+json. */
export type DossierFailure =
  | { ok: false; reason: 'validation'; message: string; errors: FieldError[] }
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'illegal_transition' | 'forbidden_role' | 'invalid_payload'; message: string; field?: string }
  | { ok: false; reason: 'policy'; message: string; errors?: FieldError[] };

export type DossierResult<T> = { ok: true; value: T } | DossierFailure;

export function invalid(errors: FieldError[], message = 'Hồ sơ chưa hợp lệ'): DossierFailure {
  return { ok: false, reason: 'validation', message, errors };
}
