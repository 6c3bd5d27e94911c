/** Reading and writing the wizard's form data by dotted path ('owner.citizenId', 'members.0.fullName'). */
export type FormData = Record<string, unknown>;

export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function setPath<T extends FormData>(data: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return data;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(data) ? [...data] : { ...data };
  const next =
    rest.length === 0
      ? value
      : setPath(
          ((copy as Record<string, unknown>)[head] ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {})) as FormData,
          rest.join('.'),
          value,
        );
  if (value === undefined && rest.length === 0) delete (copy as Record<string, unknown>)[head];
  else (copy as Record<string, unknown>)[head] = next;
  return copy as T;
}

export interface FieldError {
  field: string;
  message: string;
}

/** The message for exactly this field (a list's own error is on the list's path). */
export function errorFor(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.field === path)?.message;
}

/** Errors below `path` that no input shows (e.g. 'businessLines' itself): shown at the top of the step. */
export function errorsUnder(errors: readonly FieldError[], path: string): FieldError[] {
  return errors.filter((e) => e.field === path || e.field.startsWith(`${path}.`));
}
