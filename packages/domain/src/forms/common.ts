import { z } from 'zod';
import { DELIVERIES } from '../channels';
import { isCalendarDate } from '../holidays';
import { CitizenIdNumber, PhoneNumber, parseCitizenId } from '../identity-numbers';
import { foldVietnamese } from '../text';

/** Building blocks of the procedure forms: every message is Vietnamese, shown beside the field. */

/** Required text: trimmed, not empty, bounded. */
export function requiredText(label: string, max = 255) {
  return z
    .string({ error: `Vui lòng nhập ${label}` })
    .trim()
    .min(1, { error: `Vui lòng nhập ${label}` })
    .max(max, { error: `${capitalise(label)} không được dài quá ${max} ký tự` });
}

/** Optional text: an empty string counts as absent, so a cleared input is not an error. */
export function optionalText(label: string, max = 2000) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ error: `${capitalise(label)} phải là chữ` })
      .trim()
      .max(max, { error: `${capitalise(label)} không được dài quá ${max} ký tự` })
      .optional(),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A calendar date 'YYYY-MM-DD' (the phone's date picker sends this form). */
export function isoDate(label: string) {
  return z
    .string({ error: `Vui lòng chọn ${label}` })
    .refine((v) => isCalendarDate(v), { error: `${capitalise(label)} không hợp lệ`, abort: true });
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way dates are written in Vietnam. */
export function formatDateVi(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export const SexChoice = z.enum(['male', 'female'], { error: 'Vui lòng chọn giới tính' });

export const DeliveryChoice = z.enum(DELIVERIES, { error: 'Vui lòng chọn cách nhận kết quả' });

export const OptionalEmail = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.email({ error: 'Địa chỉ thư điện tử không hợp lệ' }).optional(),
);

export const CitizenId = z.string({ error: 'Vui lòng nhập số định danh cá nhân' }).pipe(CitizenIdNumber);
export const Phone = z.string({ error: 'Vui lòng nhập số điện thoại' }).pipe(PhoneNumber);

/** Money in whole đồng. */
export function dong(label: string, { allowZero = false } = {}) {
  const base = z
    .number({ error: `Vui lòng nhập ${label} (số tiền bằng đồng)` })
    .int({ error: `${capitalise(label)} phải là số nguyên đồng` });
  return allowZero
    ? base.min(0, { error: `${capitalise(label)} không được âm` })
    : base.positive({ error: `${capitalise(label)} phải lớn hơn 0 đồng` });
}

/** Registration number of a household business (mã số đăng ký hộ kinh doanh): letters, digits, separators. */
export const RegistrationNumber = z
  .string({ error: 'Vui lòng nhập mã số đăng ký hộ kinh doanh' })
  .trim()
  .min(1, { error: 'Vui lòng nhập mã số đăng ký hộ kinh doanh' })
  .max(30, { error: 'Mã số đăng ký hộ kinh doanh không được dài quá 30 ký tự' })
  .regex(/^[0-9A-Za-z./-]+$/, { error: 'Mã số đăng ký hộ kinh doanh chỉ gồm chữ cái, chữ số và dấu "-", "/", "."' });

/** Commune-level unit code (5 digits, national list); the server checks it is valid today. */
export const UnitCode = z
  .string({ error: 'Vui lòng chọn xã, phường, đặc khu' })
  .regex(/^\d{5}$/, { error: 'Vui lòng chọn xã, phường, đặc khu trong danh sách' });

export function isVietnamese(nationality: string): boolean {
  const folded = foldVietnamese(nationality).replace(/\s/g, '');
  return folded === 'vietnam' || folded === 'vn';
}

/** Error for a citizen ID whose year digits contradict the stated birth date (no sex known). */
export function citizenIdYearMismatch(citizenId: string, birthDate: string): string | undefined {
  const parts = parseCitizenId(citizenId);
  const year = Number(birthDate.slice(0, 4));
  if (!parts || !isCalendarDate(birthDate) || parts.birthYear === year) return undefined;
  return `Số định danh cá nhân không khớp với năm sinh ${year} (số định danh cho biết năm sinh ${parts.birthYear})`;
}

export interface FieldError {
  /** Dotted path in the form: 'owner.citizenId', 'businessLines.0.code'; '' for the whole form. */
  field: string;
  message: string;
}

/**
 * Messages for the cases no field spells out (a missing field, a wrong type), so that no English
 * or technical zod text reaches a citizen. Pass to `safeParse(data, { error: formErrorMap })`.
 */
/** A missing value where no field is known; a definition's form replaces it with the field's name. */
export const MISSING_VALUE = 'Vui lòng nhập thông tin này';

export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined || issue.input === null) return MISSING_VALUE;
    if (issue.expected === 'number') return 'Vui lòng nhập một số';
    if (issue.expected === 'boolean') return 'Vui lòng chọn Có hoặc Không';
    if (issue.expected === 'array') return 'Vui lòng chọn ít nhất một mục';
    return 'Thông tin không đúng dạng';
  }
  if (issue.code === 'unrecognized_keys') return `Trường không được hỗ trợ: ${issue.keys.join(', ')}`;
  return z.locales.vi().localeError(issue);
};

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/**
 * A `when` for form-level checks: run once the named top-level fields are valid, even if other
 * steps are still empty (zod skips refinements after any issue by default), so the wizard shows a
 * cross-field error on the step where it belongs. The check may only read the named fields.
 */
export function whenValid(...fields: string[]) {
  return (payload: { value: unknown; issues: ReadonlyArray<{ path?: PropertyKey[] }> }): boolean =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((i) => !i.path || i.path.length === 0 || fields.includes(String(i.path[0])));
}
