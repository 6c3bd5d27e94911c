import { z } from 'zod';
import { type FieldError, formErrorMap, toFieldErrors } from '../forms/common';
import { ProcedureDefinition } from './definition';

export type DefinitionCheck = { ok: true; definition: ProcedureDefinition } | { ok: false; errors: FieldError[] };

/**
 * Checks a definition an administrator loads: every problem with its dotted path
 * ('form.steps.0.fields.2.type', 'fee.legalBasis'), in Vietnamese.
 */
export function validateProcedureDefinition(input: unknown): DefinitionCheck {
  const result = ProcedureDefinition.safeParse(input, { error: formErrorMap });
  return result.success ? { ok: true, definition: result.data } : { ok: false, errors: toFieldErrors(result.error) };
}

let jsonSchema: Record<string, unknown> | undefined;

/** The definition format as JSON Schema (draft 2020-12), for editors and other systems. */
export function procedureDefinitionJsonSchema(): Record<string, unknown> {
  jsonSchema ??= z.toJSONSchema(ProcedureDefinition, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return jsonSchema;
}
