import type { z } from 'zod';
import type { TextKey } from '../i18n/index';
import { householdBusinessChange } from '../procedures/household-business-change';
import { householdBusinessRegistration } from '../procedures/household-business-registration';
import { householdBusinessTermination } from '../procedures/household-business-termination';
import { PROCEDURES } from '../procedures/index';
import { promotionNotice } from '../procedures/promotion-notice';
import type { CalendarDate, WorkingCalendar } from '../working-days';
import { type FieldError, formErrorMap, toFieldErrors } from './common';
import { genericApplicationForm } from './generic';
import { householdBusinessChangeForm } from './household-business-change';
import { householdBusinessRegistrationForm } from './household-business-registration';
import { householdBusinessTerminationForm } from './household-business-termination';
import { promotionNoticeSchema } from './promotion-notice';

export * from './common';
export * from './generic';
export * from './household-business-change';
export * from './household-business-registration';
export * from './household-business-termination';
export * from './messages-en';
export * from './promotion-notice';

/**
 * Procedure code → its form: the zod schema (the same on the phone and on the server) and the
 * steps of the wizard. Schemas are factories because some checks depend on the filing day and
 * the working-day calendar, which the caller passes in (no clock reads in the domain).
 */

export interface FormDeps {
  /** The filing date in Vietnam, 'YYYY-MM-DD'. */
  today: CalendarDate;
  calendar: WorkingCalendar;
}

/** A step's id; the ids are the catalog's `formStep.*` keys, so every step has a title. */
export type FormStepId = StepIdOf<TextKey>;
type StepIdOf<K> = K extends `formStep.${infer Id}` ? Id : never;

export interface FormStep {
  /** Its title is the catalog's `formStep.<id>` (i18n/vi.ts). */
  id: FormStepId;
  /** Dotted paths of the fields on this step; an error on a field below one of them belongs here too. */
  fields: readonly string[];
}

export interface ProcedureForm {
  /** 'guided' for the pilot's own forms, 'generic' for applicant + note. */
  kind: 'guided' | 'generic';
  schema: (deps: FormDeps) => z.ZodType;
  steps: readonly FormStep[];
}

const ownerFields = ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'citizenId', 'residence', 'phone', 'email'];

const GUIDED: Record<string, ProcedureForm> = {
  [householdBusinessRegistration.code]: {
    kind: 'guided',
    schema: () => householdBusinessRegistrationForm,
    steps: [
      { id: 'ten', fields: ['businessName'] },
      {
        id: 'dia-diem',
        fields: ['location.unitCode', 'location.street'],
      },
      { id: 'nganh-nghe', fields: ['businessLines'] },
      { id: 'von', fields: ['capital', 'employees'] },
      { id: 'chu-ho', fields: ownerFields.map((f) => `owner.${f}`) },
      { id: 'thanh-vien', fields: ['members'] },
      { id: 'nhan-ket-qua', fields: ['delivery', 'postalAddress'] },
    ],
  },
  [householdBusinessChange.code]: {
    kind: 'guided',
    schema: () => householdBusinessChangeForm,
    steps: [
      {
        id: 'ho-kinh-doanh',
        fields: ['registrationNumber', 'ownerCitizenId'],
      },
      { id: 'noi-dung-thay-doi', fields: ['changes'] },
    ],
  },
  [householdBusinessTermination.code]: {
    kind: 'guided',
    schema: () => householdBusinessTerminationForm,
    steps: [
      {
        id: 'ho-kinh-doanh',
        fields: ['registrationNumber', 'ownerCitizenId'],
      },
      {
        id: 'cham-dut',
        fields: ['reason', 'terminationDate', 'hasOriginalCertificate'],
      },
    ],
  },
  [promotionNotice.code]: {
    kind: 'guided',
    schema: (deps) => promotionNoticeSchema(deps),
    steps: [
      { id: 'doanh-nghiep', fields: ['taxCode', 'enterpriseName'] },
      {
        id: 'chuong-trinh',
        fields: ['programmeName', 'promotionForm', 'goods', 'area'],
      },
      { id: 'giai-thuong', fields: ['prizes'] },
      { id: 'thoi-gian', fields: ['startDate', 'endDate'] },
    ],
  },
};

const GENERIC: ProcedureForm = {
  kind: 'generic',
  schema: () => genericApplicationForm,
  steps: [
    {
      id: 'nguoi-nop',
      fields: ['applicant.fullName', 'applicant.citizenId', 'applicant.phone', 'applicant.email'],
    },
    { id: 'ghi-chu', fields: ['note'] },
  ],
};

/** Every procedure of the catalog has a form: its guided one, or the generic one. */
export const FORM_BY_PROCEDURE: Readonly<Record<string, ProcedureForm>> = Object.freeze(
  Object.fromEntries(PROCEDURES.map((p) => [p.code, GUIDED[p.code] ?? GENERIC])),
);

export type FormValidation = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

/** Validates a form for a procedure; errors carry dotted field paths and Vietnamese messages. */
export function validateForm(procedureCode: string, data: unknown, deps: FormDeps): FormValidation {
  const form = FORM_BY_PROCEDURE[procedureCode];
  if (!form) return { ok: false, errors: [{ field: '', message: 'Thủ tục không có trong danh mục' }] };
  const result = form.schema(deps).safeParse(data, { error: formErrorMap });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: toFieldErrors(result.error) };
}

/** Whether an error on `field` belongs to a step listing `stepField` (same field, below it, or its parent). */
function belongs(field: string, stepField: string): boolean {
  return field === stepField || field.startsWith(`${stepField}.`) || stepField.startsWith(`${field}.`);
}

export function stepOfField(procedureCode: string, field: string): FormStep | undefined {
  return FORM_BY_PROCEDURE[procedureCode]?.steps.find((s) => s.fields.some((f) => belongs(field, f)));
}

/**
 * The errors of one wizard step, so "Tiếp tục" can stop on that step while later ones are
 * still empty. The final submit uses `validateForm` for the whole form.
 */
export function validateFormStep(procedureCode: string, stepId: string, data: unknown, deps: FormDeps): FieldError[] {
  const step = FORM_BY_PROCEDURE[procedureCode]?.steps.find((s) => s.id === stepId);
  if (!step) return [{ field: '', message: 'Bước khai báo không tồn tại' }];
  const result = validateForm(procedureCode, data, deps);
  return result.ok ? [] : result.errors.filter((e) => step.fields.some((f) => belongs(e.field, f)));
}
