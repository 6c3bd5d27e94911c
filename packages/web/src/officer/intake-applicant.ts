import type { FieldDefinition } from '@dvc/domain/procedure-definition/form-schema';
import { getPath } from '../citizen/filing/form-state';

/**
 * The phone of the person the form is about (the first top-level group with a citizen-identity
 * number, as the wizard's prefill has it), when the form asks it: then the desk asks the phone
 * there only, and it is the applicant's phone too (the SMS with the lookup link goes to it).
 */
export function formPhonePath(fields: readonly FieldDefinition[]): string | undefined {
  const group = fields.find((f) => f.type === 'group' && f.fields?.some((c) => c.type === 'citizen-id'));
  const phone = group?.fields?.find((c) => c.type === 'phone');
  return group && phone ? `${group.key}.${phone.key}` : undefined;
}

export interface ApplicantInput {
  fullName: string;
  phone: string;
  citizenId: string;
}

/** The applicant as sent: the phone from the form when the form asks it, else from the applicant's own field. */
export function applicantBody(applicant: ApplicantInput, form: unknown, phonePath: string | undefined) {
  const phone = phonePath ? String(getPath(form, phonePath) ?? '') : applicant.phone;
  return {
    fullName: applicant.fullName.trim(),
    phone: phone.trim() || undefined,
    citizenId: applicant.citizenId.trim() || undefined,
  };
}
