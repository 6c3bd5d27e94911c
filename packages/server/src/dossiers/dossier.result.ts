import type { FieldError } from '../http/problem';
import type { Failure, Result } from '../http/refusal';

/** Expected failures of the dossier services, as values; the routes answer them through DOSSIER_REFUSALS (dossier-http.ts). */
export type DossierFailure =
  | Failure<'validation', { message: string; errors: FieldError[] }>
  | Failure<'not_found', { message: string }>
  | Failure<'illegal_transition' | 'forbidden_role' | 'invalid_payload', { message: string; field?: string }>
  | Failure<'policy', { message: string; errors?: FieldError[] }>
  /** The form was made for an older version of the procedure and does not fit the current one (CONTRACT-12 §3). */
  | Failure<
      'procedure_changed',
      {
        message: string;
        detail: string;
        errors: FieldError[];
        /** Procedure code → its current version. */
        currentVersions: Record<string, number>;
      }
    >;

export type DossierResult<T> = Result<T, DossierFailure>;

export function invalid(errors: FieldError[], message = 'Hồ sơ chưa hợp lệ'): DossierFailure {
  return { ok: false, reason: 'validation', message, errors };
}
