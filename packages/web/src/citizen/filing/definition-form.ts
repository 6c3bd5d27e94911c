import { localizeFieldErrors } from '@dvc/domain/forms/messages-en';
import { evaluateCondition, isEmptyValue } from '@dvc/domain/procedure-definition/conditions';
import { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { fieldType } from '@dvc/domain/procedure-definition/field-types';
import type { FieldDefinition, LocalizedText } from '@dvc/domain/procedure-definition/form-schema';
import { englishVocabularyOf } from '@dvc/domain/procedure-definition/messages-en';
import { translate } from '../../i18n';
import { formatDong, parseGrouped } from '../../shared/format';

/**
 * What the phone and the desk read from a procedure's definition to draw its form: labels in the
 * user's language, which fields show, which are optional parts the citizen ticks, the value a new
 * draft starts with, and the filled form as readable rows. Pure: the screens render these answers.
 */

export type Locale = 'vi' | 'en';
export type FormValue = Record<string, unknown>;

/** The definition a procedure's detail carries, checked; undefined when absent or not a valid definition. */
export function parseDefinition(json: unknown): ProcedureDefinition | undefined {
  if (json === undefined || json === null) return undefined;
  const parsed = ProcedureDefinition.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export function localized(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'en' && text.en ? text.en : text.vi;
}

/**
 * The form's messages as the reader sees them: built in Vietnamese (the schema is the server's), in
 * English when the app is, fields named by this definition's English names (an imported procedure
 * the server does not know by heart included); a message without an English form stays Vietnamese.
 */
export function shownFieldErrors<E extends { message: string }>(
  errors: readonly E[],
  locale: Locale,
  definition: ProcedureDefinition | undefined,
): E[] {
  if (locale !== 'en') return [...errors];
  return localizeFieldErrors(errors, locale, definition ? englishVocabularyOf([definition]) : undefined);
}

/** The type's parameters with their defaults (options of a choice, a number's bounds…). */
export function paramsOf<P = Record<string, unknown>>(field: FieldDefinition): P {
  const type = fieldType(field.type);
  const parsed = type?.params.safeParse(field.params ?? {});
  return (parsed?.success ? parsed.data : (field.params ?? {})) as P;
}

/** A field shows unless its `visibleIf` fails on the values of its block. */
export function isShown(field: FieldDefinition, block: FormValue): boolean {
  return !field.visibleIf || evaluateCondition(field.visibleIf, block);
}

/** Required at this moment: by default, or while its `requiredIf` holds. */
export function isRequiredNow(field: FieldDefinition, block: FormValue): boolean {
  if (field.requiredIf) return evaluateCondition(field.requiredIf, block);
  return field.required ?? true;
}

const COMPOSITE = new Set(['group', 'address', 'vsic-lines', 'business-name']);

/**
 * An optional part whose empty value would still be judged (an owner with no name, a list with no
 * line, a name that is only "Hộ kinh doanh "): the citizen ticks it to give it, and unticked it is
 * absent from the data. A change form is made of such parts.
 */
export function isOptionalPart(field: FieldDefinition): boolean {
  if (field.required !== false || field.requiredIf || field.visibleIf) return false;
  if (COMPOSITE.has(field.type)) return true;
  return field.type === 'repeat' && !paramsOf<{ absentAsEmpty?: boolean }>(field).absentAsEmpty;
}

/** The value a new draft starts with: each field's type default; optional parts absent. */
export function initialValue(fields: readonly FieldDefinition[]): FormValue {
  const out: FormValue = {};
  for (const f of fields) {
    if (isOptionalPart(f)) continue;
    const value = defaultOf(f);
    if (value !== undefined) out[f.key] = value;
  }
  return out;
}

/** The value a field gets when it is added (a ticked part, a new item of a list). */
export function defaultOf(field: FieldDefinition): unknown {
  if (field.type === 'group') return initialValue(field.fields ?? []);
  const type = fieldType(field.type);
  return type?.defaultValue(paramsOf(field) as never, () => initialValue(field.fields ?? []));
}

/**
 * The signed-in citizen fills for themself: the first person block of the form (a top-level group
 * with a citizen-identity number) gets their name in its first text field and their phone in its
 * phone field, where still empty.
 */
export function prefillPerson(
  fields: readonly FieldDefinition[],
  value: FormValue,
  person: { fullName?: string; phone?: string },
): FormValue {
  const group = fields.find((f) => f.type === 'group' && f.fields?.some((c) => c.type === 'citizen-id'));
  if (!group?.fields) return value;
  const block = { ...((value[group.key] as FormValue | undefined) ?? {}) };
  const name = group.fields.find((c) => c.type === 'text');
  const phone = group.fields.find((c) => c.type === 'phone');
  if (name && person.fullName && isEmptyValue(block[name.key])) block[name.key] = person.fullName;
  if (phone && person.phone && isEmptyValue(block[phone.key])) block[phone.key] = person.phone;
  return { ...value, [group.key]: block };
}

/**
 * Where the dossier goes and how the result comes back, when the form itself says it: a required
 * top-level address (its commune handles the dossier) and a top-level choice keyed `delivery`
 * (counter / post / electronic). Otherwise the wizard asks them on a step of its own.
 */
export function placementOf(fields: readonly FieldDefinition[]): { unitField?: string; deliveryField?: string } {
  const unit = fields.find((f) => f.type === 'address' && (f.required ?? true) && !f.visibleIf && !f.requiredIf);
  const delivery = fields.find((f) => f.key === 'delivery' && (f.type === 'radio' || f.type === 'select'));
  return { unitField: unit?.key, deliveryField: delivery?.key };
}

/**
 * Only what the definition asks, recursively: values reopened from a draft or an outbox item filled
 * on an older version may hold fields the new form no longer has (the server refuses unknown keys).
 */
export function keepKnown(fields: readonly FieldDefinition[], value: FormValue): FormValue {
  const out: FormValue = {};
  for (const f of fields) {
    if (!(f.key in value)) continue;
    const v = value[f.key];
    if (f.type === 'group' && v && typeof v === 'object' && !Array.isArray(v))
      out[f.key] = keepKnown(f.fields ?? [], v as FormValue);
    else if (f.type === 'repeat' && Array.isArray(v))
      out[f.key] = v.map((item) => (item && typeof item === 'object' ? keepKnown(f.fields ?? [], item as FormValue) : item));
    else out[f.key] = v;
  }
  return out;
}

export interface FormRow {
  path: string;
  depth: number;
  label: string;
  /** A heading for the rows below it (a group, one item of a list). */
  header?: boolean;
  text?: string;
  /** Business lines, one per line. */
  lines?: { code: string; name: string; isMain: boolean }[];
  /** An address's commune code, for the screen to show its name. */
  unitCode?: string;
}

/**
 * The filed form as rows, in the definition's order with its labels: what the review step and the
 * officer show. Hidden fields and absent optional ones are left out; keys the definition does not
 * know still show, under their key, so nothing filed is hidden from the officer (`unknown: false`
 * for one step of the wizard, whose siblings are on other steps).
 */
export function formRows(
  fields: readonly FieldDefinition[],
  value: FormValue,
  locale: Locale,
  { depth = 0, base = '', unknown = true }: { depth?: number; base?: string; unknown?: boolean } = {},
): FormRow[] {
  const rows: FormRow[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const f of fields) {
    const path = base ? `${base}.${f.key}` : f.key;
    const v = value[f.key];
    if (!isShown(f, value)) continue;
    if (isEmptyValue(v) && !isRequiredNow(f, value)) continue;
    const label = localized(f.label, locale);
    if (f.type === 'group') {
      rows.push({ path, depth, label, header: true });
      rows.push(
        ...formRows(f.fields ?? [], (v as FormValue | undefined) ?? {}, locale, { depth: depth + 1, base: path, unknown }),
      );
    } else if (f.type === 'repeat') {
      const items = Array.isArray(v) ? (v as FormValue[]) : [];
      rows.push({ path, depth, label, header: true, text: items.length === 0 ? '—' : undefined });
      const noun = f.name ?? lowerFirst(label);
      items.forEach((item, i) => {
        rows.push({ path: `${path}.${i}`, depth: depth + 1, label: `${capitalise(noun)} ${i + 1}`, header: true });
        rows.push(...formRows(f.fields ?? [], item ?? {}, locale, { depth: depth + 2, base: `${path}.${i}`, unknown }));
      });
    } else if (f.type === 'vsic-lines') {
      rows.push({ path, depth, label, lines: Array.isArray(v) ? (v as FormRow['lines']) : [] });
    } else if (f.type === 'address') {
      const a = (v as { unitCode?: string; street?: string } | undefined) ?? {};
      rows.push({ path, depth, label, text: a.street?.trim() || '—', unitCode: a.unitCode || undefined });
    } else {
      rows.push({ path, depth, label, text: valueText(f, v, locale) });
    }
  }
  for (const [k, v] of Object.entries(value)) {
    if (!unknown || known.has(k) || isEmptyValue(v)) continue;
    rows.push({ path: base ? `${base}.${k}` : k, depth, label: k, text: typeof v === 'object' ? JSON.stringify(v) : String(v) });
  }
  return rows;
}

/** One value as a person reads it: money in đồng, dates dd/mm/yyyy, a choice by its label. */
export function valueText(field: FieldDefinition, value: unknown, locale: Locale): string {
  if (isEmptyValue(value)) return '—';
  const options = paramsOf<{ options?: { value: string; label: LocalizedText }[] }>(field).options ?? [];
  const optionLabel = (x: unknown) => {
    const o = options.find((opt) => opt.value === x);
    return o ? localized(o.label, locale) : String(x);
  };
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatDong(value) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? value.split('-').reverse().join('/')
        : String(value);
    case 'select':
    case 'radio':
      return optionLabel(value);
    case 'checkboxes':
      return Array.isArray(value) ? value.map(optionLabel).join(', ') : String(value);
    case 'checkbox':
      return translate(locale, value === true ? 'form.yes' : 'form.no');
    default: {
      const type = fieldType(field.type);
      return type && typeof value !== 'object' ? type.summary(value, paramsOf(field) as never) : JSON.stringify(value);
    }
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** "1.500" → 1500 for a whole number; "2,5" → 2.5 otherwise; empty → absent; anything else kept as typed for the message. */
export function parseNumber(text: string, integer: boolean): number | string | undefined {
  const clean = text.trim();
  if (clean === '') return undefined;
  if (integer) return /^[\d.\s]+$/.test(clean) ? parseGrouped(clean) : clean;
  const n = Number(clean.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) && /^-?[\d\s]*[.,]?\d*$/.test(clean) ? n : clean;
}
