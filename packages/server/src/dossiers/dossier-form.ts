import { procedureDefinitions, vietnamLocalDate } from '@dvc/domain';
import { type ProcedureVersion, procedureVersion } from '../catalog/index';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import { type DossierFailure, invalid } from './dossier.result';
import { calendarAround } from './dossier-timing';

export type FormCheck = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * Validates a form with the compiled schema of a procedure's definition: the very schema the phone
 * validates with. The filing day and the working calendar are passed for the definitions that need
 * them (a promotion notice must arrive 3 working days ahead). Field paths are prefixed with
 * `body.form.` so the phone can put each message beside its field.
 */
export async function validateDossierForm(
  ctx: AppContext,
  definition: procedureDefinitions.ProcedureDefinition,
  form: Record<string, unknown>,
  now: Date,
): Promise<FormCheck> {
  const compiled = procedureDefinitions.compileDefinition(definition);
  const deps = compiled.usesFilingDate ? { today: vietnamLocalDate(now), calendar: await calendarAround(ctx, now) } : undefined;
  const result = compiled.validate(form, deps);
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({ field: e.field ? `body.form.${e.field}` : 'body.form', message: e.message })),
    };
  }
  return { ok: true, value: result.value as Record<string, unknown> };
}

/** The part of a form that a definition asks for: its top-level keys (a group filing's member takes its own). */
export function declaredPart(definition: procedureDefinitions.ProcedureDefinition, form: Record<string, unknown>) {
  const keys = declaredKeys(definition);
  return Object.fromEntries(Object.entries(form).filter(([key]) => keys.has(key)));
}

export function declaredKeys(definition: procedureDefinitions.ProcedureDefinition): Set<string> {
  return new Set(definition.form.steps.flatMap((s) => s.fields.map((f) => f.key)));
}

/**
 * A filing's form checked by the procedure's current version (CONTRACT-12 §3). `askedVersion` is the
 * version the client filled the form for; absent, the current one. An older one (a draft or an outbox
 * item made before the procedure changed): the form is judged by the current version; valid, it is
 * filed under it; invalid, the filing is refused as `procedure_changed` with the fields to check again.
 */
export async function checkFormForFiling(
  ctx: AppContext,
  current: ProcedureVersion,
  askedVersion: number | undefined,
  form: Record<string, unknown>,
  now: Date,
  fieldPrefix: string,
): Promise<{ ok: true; value: Record<string, unknown> } | DossierFailure> {
  if (askedVersion !== undefined && askedVersion > current.version) {
    return invalid([{ field: `${fieldPrefix}.procedureVersion`, message: 'Phiên bản thủ tục không tồn tại' }]);
  }
  const checked = await validateDossierForm(ctx, current.definition, form, now);
  if (checked.ok) return checked;
  const errors = checked.errors.map((e) => ({ ...e, field: e.field.replace(/^body/, fieldPrefix) }));
  if (askedVersion === undefined || askedVersion === current.version) return invalid(errors);
  return {
    ok: false,
    reason: 'procedure_changed',
    message: 'Thủ tục đã thay đổi',
    detail: `Biểu mẫu của thủ tục đã thay đổi (phiên bản ${askedVersion} → ${current.version}); vui lòng kiểm tra lại các trường được nêu rồi gửi lại.`,
    errors,
    currentVersions: { [current.definition.code]: current.version },
  };
}

/** The definition a filed dossier was filed under: its form is shown and judged by it, forever. */
export function definitionOfDossier(ctx: AppContext, row: { procedureCode: string; procedureVersion: number }) {
  return procedureVersion(ctx, row.procedureCode, row.procedureVersion);
}
