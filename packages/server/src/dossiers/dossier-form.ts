import { type ProcedureDefinition, validateForm, vietnamLocalDate } from '@dvc/domain';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import { calendarAround } from './dossier-timing';

export type FormCheck = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * Validates the procedure's form with the same zod schema the phone uses (packages/domain/src/forms),
 * against today's date and the working calendar (promotion notices need 3 working days' notice).
 * Field paths are prefixed with `body.form.` so the phone can put each message beside its field.
 */
export async function validateDossierForm(
  ctx: AppContext,
  procedure: ProcedureDefinition,
  form: Record<string, unknown>,
  now: Date,
): Promise<FormCheck> {
  const calendar = await calendarAround(ctx, now);
  const result = validateForm(procedure.code, form, { today: vietnamLocalDate(now), calendar });
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({ field: e.field ? `body.form.${e.field}` : 'body.form', message: e.message })),
    };
  }
  return { ok: true, value: result.value as Record<string, unknown> };
}
