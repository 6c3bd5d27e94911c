import type { EnglishVocabulary } from '../forms/messages-en';
import type { ProcedureDefinition } from './definition';
import { lowerFirst } from './field-types';
import { streetNameEnOf } from './field-types-vn';
import type { FieldDefinition, FormRule } from './form-schema';

/**
 * What a definition says in English for its form's messages: each field's noun phrase (its
 * `nameEn`, else "the" + its English label) and its own messages' English (`requiredMessageEn`,
 * a rule's `messageEn`, the notice's `messageEn`). Fields without English are left out, so their
 * messages stay Vietnamese.
 */
export function englishVocabularyOf(definitions: Iterable<ProcedureDefinition>): EnglishVocabulary {
  const names = new Map<string, string>();
  const messages = new Map<string, string>();
  const rules = (list: readonly FormRule[] | undefined) => {
    for (const r of list ?? []) if (r.messageEn) messages.set(r.message, r.messageEn);
  };
  const walk = (fields: readonly FieldDefinition[]) => {
    for (const f of fields) {
      const en = f.nameEn ?? (f.label.en ? `the ${englishLowerFirst(f.label.en)}` : undefined);
      if (en) names.set(f.name ?? lowerFirst(f.label.vi), en);
      const street = f.type === 'address' ? (f.params as { streetName?: string; streetNameEn?: string } | undefined) : undefined;
      const streetEn = street ? streetNameEnOf(street) : undefined;
      if (street?.streetName && streetEn) names.set(street.streetName, `the ${streetEn}`);
      if (f.requiredMessage && f.requiredMessageEn) messages.set(f.requiredMessage, f.requiredMessageEn);
      rules(f.rules);
      walk(f.fields ?? []);
    }
  };
  for (const d of definitions) {
    for (const step of d.form.steps) walk(step.fields);
    rules(d.form.rules);
    if (d.notice?.message && d.notice.messageEn) messages.set(d.notice.message, d.notice.messageEn);
  }
  return { names, messages };
}

/** "Business name" → "business name"; an initialism stays ("ID number"). */
function englishLowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
