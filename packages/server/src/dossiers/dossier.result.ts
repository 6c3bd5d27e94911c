import type { FieldError } from '../http/problem';

/** Expected failures of the dossier services, as values; the routes map them to problem+json. */
export type DossierFailure =
  | { ok: false; reason: 'validation'; message: string; errors: FieldError[] }
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'illegal_transition' | 'forbidden_role' | 'invalid_payload'; message: string; field?: string }
  | { ok: false; reason: 'policy'; message: string; errors?: FieldError[] }
  /** The form was made for an older version of the procedure and does not fit the current one (CONTRACT-12 §3). */
  | {
      ok: false;
      reason: 'procedure_changed';
      message: string;
      detail: string;
      errors: FieldError[];
      /** Procedure code → its current version. */
      currentVersions: Record<string, number>;
    };

export type DossierResult<T> = { ok: true; value: T } | DossierFailure;

export function invalid(errors: FieldError[], message = 'Hồ sơ chưa hợp lệ'): DossierFailure {
  return { ok: false, reason: 'validation', message, errors };
}
