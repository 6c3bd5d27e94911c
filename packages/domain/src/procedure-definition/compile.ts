import { z } from 'zod';
import { citizenIdYearMismatch, type FieldError, formErrorMap, MISSING_VALUE, toFieldErrors, whenValid } from '../forms/common';
import { checkCitizenIdConsistency } from '../identity-numbers';
import { addWorkingDays, type CalendarDate, type WorkingCalendar } from '../working-days';
import { checkCondition, evaluateCondition, isEmptyValue } from './conditions';
import { ProcedureDefinition } from './definition';
import { capitalise, dateVi, fieldType, lowerFirst } from './field-types';
import type { CitizenIdParams } from './field-types-vn';
import type { FieldDefinition, FormRule } from './form-schema';

/**
 * A definition's form → the one zod schema that the server validates with and the phone too.
 * Compiled once per definition object (a stored version never changes); the notice rule's bound
 * depends on the filing day, so that schema is kept per day and calendar.
 */

export interface FilingDeps {
  /** The filing date in Vietnam, 'YYYY-MM-DD' (the caller reads the clock). */
  today: CalendarDate;
  calendar: WorkingCalendar;
}

export type DefinitionValidation = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

export interface CompiledForm {
  readonly definition: ProcedureDefinition;
  /** Whether the schema depends on the filing day (a notice rule). */
  readonly usesFilingDate: boolean;
  schema(deps?: FilingDeps): z.ZodType;
  validate(data: unknown, deps?: FilingDeps): DefinitionValidation;
  /**
   * The errors of one wizard step, so "Tiếp tục" can stop on that step while later ones are still
   * empty; an unknown step is one error on ''.
   */
  validateStep(stepId: string, data: unknown, deps?: FilingDeps): FieldError[];
  /** The step an error's field belongs to (its top-level key). */
  stepOf(field: string): string | undefined;
  /** The wizard's steps with the top-level keys each one shows. */
  readonly steps: ReadonlyArray<{ id: string; title: { vi: string; en?: string }; fields: string[] }>;
  /** A new, empty draft. */
  defaultValue(): Record<string, unknown>;
  /** One line per top-level field, for the officer's view and the receipt. */
  summary(value: Record<string, unknown>): Array<{ key: string; label: string; text: string }>;
}

interface Env {
  earliest?: { field: string; date: string; message: string };
}

const cache = new WeakMap<ProcedureDefinition, CompiledForm>();

export function compileDefinition(definition: ProcedureDefinition): CompiledForm {
  const hit = cache.get(definition);
  if (hit) return hit;
  // Only a definition that passes every check is compiled, whoever built the object.
  const checked = ProcedureDefinition.safeParse(definition);
  if (!checked.success) {
    const paths = checked.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Procedure definition ${String(definition?.code)} is invalid at: ${paths}`);
  }
  const compiled = compile(checked.data);
  cache.set(definition, compiled);
  cache.set(checked.data, compiled);
  return compiled;
}

function compile(definition: ProcedureDefinition): CompiledForm {
  const fields = definition.form.steps.flatMap((s) => s.fields);
  const notice = definition.notice;
  const build = (env: Env) => compileObject(fields, definition.form.rules, undefined, env);
  const plain = notice ? undefined : build({});
  const byCalendar = new WeakMap<WorkingCalendar, Map<string, z.ZodType>>();

  const schema = (deps?: FilingDeps): z.ZodType => {
    if (plain) return plain;
    if (!notice || !deps) throw new Error(`Procedure ${definition.code} needs the filing day and calendar to validate`);
    let byDay = byCalendar.get(deps.calendar);
    if (!byDay) {
      byDay = new Map();
      byCalendar.set(deps.calendar, byDay);
    }
    const cached = byDay.get(deps.today);
    if (cached) return cached;
    const date = addWorkingDays(deps.today, notice.workingDaysBefore, deps.calendar);
    const event = fields.find((f) => f.key === notice.eventField);
    const template =
      notice.message ??
      `${capitalise(nameOf(event as FieldDefinition))} sớm nhất là {date} (hồ sơ phải nộp trước ít nhất {days} ngày làm việc)`;
    const message = template.replaceAll('{date}', dateVi(date)).replaceAll('{days}', String(notice.workingDaysBefore));
    const built = build({ earliest: { field: notice.eventField, date, message } });
    // A running server moves from day to day: keep the last few, not one per day forever.
    if (byDay.size >= 7) byDay.delete(byDay.keys().next().value as string);
    byDay.set(deps.today, built);
    return built;
  };

  const steps = definition.form.steps.map((s) => ({ id: s.id, title: s.title, fields: s.fields.map((f) => f.key) }));
  const topKey = (field: string) => field.split('.')[0] as string;
  const defaults = (list: readonly FieldDefinition[]): Record<string, unknown> =>
    Object.fromEntries(
      list.map((f) => {
        const type = fieldType(f.type);
        return [f.key, type?.defaultValue(paramsOf(f), () => defaults(f.fields ?? []))];
      }),
    );

  const validate = (data: unknown, deps?: FilingDeps): DefinitionValidation => {
    const result = schema(deps).safeParse(data, { error: formErrorMap });
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, errors: toFieldErrors(result.error).map((e) => namedMissing(e, fields)) };
  };

  return {
    definition,
    usesFilingDate: notice !== undefined,
    schema,
    validate,
    validateStep(stepId, data, deps) {
      const step = steps.find((s) => s.id === stepId);
      if (!step) return [{ field: '', message: 'Bước khai báo không tồn tại' }];
      const result = validate(data, deps);
      return result.ok ? [] : result.errors.filter((e) => step.fields.includes(topKey(e.field)));
    },
    stepOf: (field) => steps.find((s) => s.fields.includes(topKey(field)))?.id,
    steps,
    defaultValue: () => defaults(fields),
    summary: (value) =>
      fields.map((f) => ({
        key: f.key,
        label: f.label.vi,
        text: fieldType(f.type)?.summary(value[f.key], paramsOf(f)) ?? '—',
      })),
  };
}

/** The field a dotted error path points at ("owner.fullName", "businessLines.0.code"), if declared. */
function fieldAt(path: string, fields: readonly FieldDefinition[]): FieldDefinition | undefined {
  let list: readonly FieldDefinition[] | undefined = fields;
  let found: FieldDefinition | undefined;
  const parts = path.split('.');
  if (/^\d+$/.test(parts.at(-1) ?? '')) return undefined; // a whole item of a list is not a field
  for (const part of parts) {
    if (/^\d+$/.test(part)) continue; // an item of a list: its fields are the list's
    found = list?.find((f) => f.key === part);
    if (!found) return undefined;
    list = found.fields;
  }
  return found;
}

/** "Vui lòng nhập thông tin này" names the field it is about: "Vui lòng nhập thông tin chủ hộ". */
function namedMissing(error: FieldError, fields: readonly FieldDefinition[]): FieldError {
  if (error.message !== MISSING_VALUE) return error;
  const field = fieldAt(error.field, fields);
  return field ? { ...error, message: field.requiredMessage ?? `Vui lòng nhập ${nameOf(field)}` } : error;
}

function nameOf(field: FieldDefinition): string {
  return field.name ?? lowerFirst(field.label.vi);
}

function paramsOf(field: FieldDefinition): never {
  const type = fieldType(field.type);
  if (!type) throw new Error(`Unknown field type ${field.type}: validate the definition first`);
  return type.params.parse(field.params ?? {}) as never;
}

/** Required by the schema itself; conditional requiredness is checked once the condition's fields are valid. */
function schemaRequired(field: FieldDefinition): boolean {
  return (field.required ?? true) && field.requiredIf === undefined && field.visibleIf === undefined;
}

function compileField(field: FieldDefinition, env: Env): z.ZodType {
  const type = fieldType(field.type);
  if (!type) throw new Error(`Unknown field type ${field.type}: validate the definition first`);
  const item = type.hasChildren
    ? compileObject(field.fields ?? [], field.rules, field.type === 'group' ? field.requiredMessage : undefined, {})
    : undefined;
  return type.build({
    params: paramsOf(field),
    name: nameOf(field),
    required: schemaRequired(field),
    requiredMessage: field.requiredMessage,
    item,
    earliest: env.earliest?.field === field.key ? env.earliest : undefined,
  });
}

function compileObject(
  fields: readonly FieldDefinition[],
  rules: readonly FormRule[] | undefined,
  requiredMessage: string | undefined,
  env: Env,
): z.ZodType {
  const shape = Object.fromEntries(fields.map((f) => [f.key, compileField(f, env)]));
  let object: z.ZodType = z.strictObject(shape, requiredMessage ? { error: requiredMessage } : undefined);

  // A person's ID must agree with the birth date (and sex) given beside it; checked once the person is complete.
  for (const f of fields.filter((x) => x.type === 'citizen-id')) {
    const { birthDateKey, sexKey } = paramsOf(f) as CitizenIdParams;
    if (!birthDateKey) continue;
    object = object.superRefine((raw, ctx) => {
      const value = raw as Record<string, unknown>;
      for (const message of personMismatch(value[f.key], value[birthDateKey], sexKey ? value[sexKey] : undefined)) {
        ctx.addIssue({ code: 'custom', path: [f.key], message });
      }
    });
  }

  for (const f of fields) {
    const condition = f.requiredIf ?? (f.visibleIf && (f.required ?? true) ? f.visibleIf : undefined);
    if (!condition) continue;
    const reads = [...topKeys(condition), f.key];
    object = object.superRefine(
      (raw, ctx) => {
        const value = raw as Record<string, unknown>;
        if (evaluateCondition(condition, value) && isEmptyValue(value[f.key])) {
          ctx.addIssue({ code: 'custom', path: [f.key], message: f.requiredMessage ?? `Vui lòng nhập ${nameOf(f)}` });
        }
      },
      { when: whenValid(...reads) },
    );
  }

  for (const rule of rules ?? []) object = addRule(object, rule);

  const conditional = fields.filter((f) => f.visibleIf !== undefined);
  if (conditional.length === 0) return object;
  // A hidden field's value is whatever the citizen typed before hiding it: dropped, not judged.
  return z.preprocess((input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    const copy = { ...(input as Record<string, unknown>) };
    for (const f of conditional) if (!evaluateCondition(f.visibleIf as Record<string, unknown>, input)) delete copy[f.key];
    return copy;
  }, object);
}

function topKeys(condition: Record<string, unknown>): string[] {
  return checkCondition(condition).reads.map((r) => r.split('.')[0] as string);
}

function addRule(object: z.ZodType, rule: FormRule): z.ZodType {
  if (rule.kind === 'logic') {
    const reads = [...new Set([...(rule.when ? topKeys(rule.when) : []), ...topKeys(rule.assert)])];
    const path = rule.path === '' ? [] : rule.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return object.superRefine(
      (value, ctx) => {
        if (rule.when && !evaluateCondition(rule.when, value)) return;
        if (!evaluateCondition(rule.assert, value)) ctx.addIssue({ code: 'custom', path, message: rule.message });
      },
      rule.runsWhen === 'all-fields-valid' ? undefined : { when: whenValid(...reads) },
    );
  }
  const reads = [...new Set(rule.items.map((i) => i.split('.')[0] as string))];
  return object.superRefine(
    (value, ctx) => {
      const seen = new Set<string>();
      for (const [path, v] of rule.items.flatMap((item) => expand(value, item.split('.'), []))) {
        if (v === undefined || v === null) continue;
        const key = JSON.stringify(v);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: rule.message });
        seen.add(key);
      }
    },
    { when: whenValid(...reads) },
  );
}

/** Every (path, value) a dotted path with `*` reaches in a value. */
function expand(value: unknown, segments: string[], at: PropertyKey[]): Array<[PropertyKey[], unknown]> {
  if (segments.length === 0) return [[at, value]];
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => expand(v, rest, [...at, i])) : [];
  if (value === null || typeof value !== 'object') return [];
  return expand((value as Record<string, unknown>)[head], rest, [...at, head]);
}

function personMismatch(id: unknown, birthDate: unknown, sex: unknown): string[] {
  if (typeof id !== 'string' || typeof birthDate !== 'string') return [];
  if (sex === 'male' || sex === 'female') return checkCitizenIdConsistency(id, { birthDate, sex }).map((e) => e.message);
  const message = citizenIdYearMismatch(id, birthDate);
  return message ? [message] : [];
}
