import type { ProcedureDefinition } from './definition';
import type { FieldDefinition } from './form-schema';

/**
 * What a VNeID-verified identity (the national population database, through VNeID) gives a filing:
 * the owner's fields of the definition's `prefill: 'verified-identity'` group, filled and locked,
 * and the components marked `waivedByVerifiedIdentity` no longer asked for (Decree 45/2020: the
 * state does not ask again for a paper it already holds). The phone, the desk and the server all
 * read these functions, so what the citizen sees locked is what the server accepts.
 */

export interface VerifiedIdentity {
  citizenId: string;
  fullName: string;
  /** YYYY-MM-DD; absent when the identity provider did not give it. */
  birthDate?: string;
  sex?: 'male' | 'female';
  residence?: string;
}

export const VERIFIED_IDENTITY_KEYS = ['fullName', 'citizenId', 'birthDate', 'sex', 'residence'] as const;
type VerifiedKey = (typeof VERIFIED_IDENTITY_KEYS)[number];

/** The top-level group filled from the verified identity, if the definition has one. */
export function verifiedIdentityGroup(definition: Pick<ProcedureDefinition, 'form'>): FieldDefinition | undefined {
  for (const step of definition.form.steps)
    for (const field of step.fields) if (field.prefill === 'verified-identity' && field.type === 'group') return field;
  return undefined;
}

/** Dotted paths of the fields the identity fills and locks ('owner.fullName', …): only those it has a value for. */
export function lockedByIdentity(definition: Pick<ProcedureDefinition, 'form'>, identity: VerifiedIdentity): string[] {
  const group = verifiedIdentityGroup(definition);
  if (!group) return [];
  const keys = new Set((group.fields ?? []).map((f) => f.key));
  return VERIFIED_IDENTITY_KEYS.filter((k) => keys.has(k) && identity[k] !== undefined).map((k) => `${group.key}.${k}`);
}

/** The form with the identity's values in the locked fields (the rest as the citizen wrote it). */
export function prefillFromIdentity(
  definition: Pick<ProcedureDefinition, 'form'>,
  form: Record<string, unknown>,
  identity: VerifiedIdentity,
): Record<string, unknown> {
  const group = verifiedIdentityGroup(definition);
  const paths = lockedByIdentity(definition, identity);
  if (!group || paths.length === 0) return form;
  const current = form[group.key];
  const filled: Record<string, unknown> = { ...(current && typeof current === 'object' ? current : {}) };
  for (const path of paths) {
    const key = path.slice(group.key.length + 1) as VerifiedKey;
    filled[key] = identity[key];
  }
  return { ...form, [group.key]: filled };
}

/** Case, spacing and Unicode normalisation do not make a different person ("NGUYỄN VĂN AN" is "Nguyễn Văn An"). */
function same(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  return norm(a) === norm(b);
}

/** The locked fields whose value is not the identity's, with the message shown on each. */
export function identityMismatches(
  definition: Pick<ProcedureDefinition, 'form'>,
  form: Record<string, unknown>,
  identity: VerifiedIdentity,
): Array<{ path: string; message: string }> {
  const group = verifiedIdentityGroup(definition);
  if (!group) return [];
  const given = form[group.key] as Record<string, unknown> | undefined;
  return lockedByIdentity(definition, identity).flatMap((path) => {
    const key = path.slice(group.key.length + 1) as VerifiedKey;
    return same(given?.[key], identity[key] as string)
      ? []
      : [{ path, message: 'Thông tin này phải đúng như danh tính đã xác thực qua VNeID, không được sửa' }];
  });
}

/** Components a verified identity replaces (only where the form has a group it fills). */
export function waivedComponentIds(definition: Pick<ProcedureDefinition, 'form' | 'components'>): string[] {
  if (!verifiedIdentityGroup(definition)) return [];
  return definition.components.filter((c) => c.waivedByVerifiedIdentity === true).map((c) => c.id);
}

export const WAIVED_BY_IDENTITY_LABEL_VI = 'Đã xác thực qua VNeID — không cần nộp';
