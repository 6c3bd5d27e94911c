import type { procedureDefinitions } from '@dvc/domain';
import {
  identityMismatches,
  verifiedIdentityGroup,
  waivedComponentIds,
} from '@dvc/domain/procedure-definition/verified-identity';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import { findVerifiedIdentity } from '../identity/index';

type Definition = procedureDefinitions.ProcedureDefinition;

/**
 * A citizen with a VNeID-verified identity files with the owner's fields as the identity says them
 * and without the papers the identity replaces. A filing whose locked fields differ is refused with
 * a 400 naming each field, rather than silently overwritten: the declaration the citizen confirms on
 * the review step must be the one filed, and only an altered client can send other values (the
 * wizard sends the locked ones). Without a verified identity nothing changes: fill and upload.
 */
export async function checkVerifiedOwner(
  ctx: AppContext,
  filer: { userId: string; creation: string },
  definition: Definition,
  form: Record<string, unknown>,
  fieldPrefix: string,
): Promise<{ ok: true; waived: Set<string> } | { ok: false; errors: FieldError[] }> {
  // Only a citizen filing for themselves (not the desk or the hotline on someone's behalf), and only
  // for procedures whose form names the person: no query for the others.
  if (filer.creation !== 'submit_online' || !verifiedIdentityGroup(definition)) return { ok: true, waived: new Set() };
  const identity = await findVerifiedIdentity(ctx, filer.userId);
  if (!identity) return { ok: true, waived: new Set() };
  const errors = identityMismatches(definition, form, identity).map((m) => ({
    field: `${fieldPrefix}.form.${m.path}`,
    message: m.message,
  }));
  return errors.length ? { ok: false, errors } : { ok: true, waived: new Set(waivedComponentIds(definition)) };
}
