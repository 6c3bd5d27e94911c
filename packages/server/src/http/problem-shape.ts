/**
 * The shape of an error answer (RFC 9457), below both the error handler (problem.ts) and the refusal
 * tables (refusal.ts), so that neither imports the other for it.
 */

/** One bad field of a request, as listed in a validation problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details: a Vietnamese `title` for people, a stable `type` for machines. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const TYPE_BASE = 'https://dvc.quangngai.gov.vn/problems/';
