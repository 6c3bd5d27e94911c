import { z } from 'zod';

/**
 * Identity numbers as Vietnamese people write them: mobile numbers, the 12-digit citizen identity
 * number (số định danh cá nhân / CCCD) and account passwords. One schema each, used on the phone
 * and on the server.
 */

const MOBILE_LOCAL = /^0[35789]\d{8}$/;
const MOBILE_INTL = /^\+84[35789]\d{8}$/;

/** Spaces, dots and dashes people type inside a phone number. */
function stripPhoneSeparators(value: string): string {
  return value.replace(/[\s.\-()]/g, '');
}

/** Vietnamese mobile number, normalised to the 10-digit `0…` form. */
export const PhoneNumber = z
  .string()
  .trim()
  .transform(stripPhoneSeparators)
  .refine((v) => v !== '', { message: 'Vui lòng nhập số điện thoại di động', abort: true })
  .refine((v) => MOBILE_LOCAL.test(v) || MOBILE_INTL.test(v), {
    message: 'Số điện thoại di động không hợp lệ (10 chữ số, bắt đầu bằng 03, 05, 07, 08, 09 hoặc +84)',
  })
  .transform((v) => (v.startsWith('+84') ? `0${v.slice(3)}` : v));
export type PhoneNumber = z.output<typeof PhoneNumber>;

/**
 * Province codes of birth registration (the first 3 digits of the number): the 63 provinces'
 * statistical codes, zero-padded. The 2025 mergers did not renumber people's existing numbers.
 */
export const BIRTH_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49,
    51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((n) => String(n).padStart(3, '0')),
);

export type Sex = 'male' | 'female';

export interface CitizenIdParts {
  provinceCode: string;
  /** First year of the century of birth, from the 4th digit: 1900, 2000, 2100… */
  century: number;
  sex: Sex;
  /** Full year of birth (century + the 5th and 6th digits). */
  birthYear: number;
  serial: string;
}

/** Splits a 12-digit number; undefined when it is not 12 digits. */
export function parseCitizenId(id: string): CitizenIdParts | undefined {
  if (!/^\d{12}$/.test(id)) return undefined;
  const digit = Number(id[3]);
  const century = 1900 + Math.floor(digit / 2) * 100;
  return {
    provinceCode: id.slice(0, 3),
    century,
    sex: digit % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(id.slice(4, 6)),
    serial: id.slice(6),
  };
}

/** Citizen identity number (số định danh cá nhân): 12 digits with a known birth-province code. */
export const CitizenIdNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s/g, ''))
  .refine((v) => /^\d{12}$/.test(v), { message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' })
  .refine((v) => !/^\d{12}$/.test(v) || BIRTH_PROVINCE_CODES.has(v.slice(0, 3)), {
    message: 'Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh nơi đăng ký khai sinh',
  });
export type CitizenIdNumber = z.output<typeof CitizenIdNumber>;

export interface CitizenIdFieldError {
  field: 'citizenId' | 'birthDate' | 'sex';
  message: string;
}

/**
 * Checks a citizen identity number against the declared date of birth ('YYYY-MM-DD') and sex:
 * the century/sex digit and the two year digits must agree. Empty array = consistent.
 */
export function checkCitizenIdConsistency(id: string, person: { birthDate: string; sex: Sex }): CitizenIdFieldError[] {
  const checked = CitizenIdNumber.safeParse(id);
  if (!checked.success) {
    return checked.error.issues.map((i) => ({ field: 'citizenId', message: i.message }));
  }
  const parts = parseCitizenId(checked.data) as CitizenIdParts;
  const errors: CitizenIdFieldError[] = [];
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(person.birthDate)?.[1];
  if (year === undefined) {
    errors.push({ field: 'birthDate', message: 'Ngày sinh không hợp lệ (định dạng YYYY-MM-DD)' });
  } else if (Number(year) !== parts.birthYear) {
    errors.push({
      field: 'birthDate',
      message: `Năm sinh ${year} không khớp với số định danh cá nhân (số định danh cho biết năm sinh ${parts.birthYear})`,
    });
  }
  if (person.sex !== parts.sex) {
    errors.push({
      field: 'sex',
      message: `Giới tính không khớp với số định danh cá nhân (chữ số thứ 4 cho biết giới tính ${parts.sex === 'male' ? 'nam' : 'nữ'})`,
    });
  }
  return errors;
}

/** Account password: at least 8 characters with letters and digits; capped so hashing stays cheap. */
export const Password = z
  .string()
  .min(8, { message: 'Mật khẩu phải có ít nhất 8 ký tự' })
  .max(128, { message: 'Mật khẩu không được dài quá 128 ký tự' })
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), { message: 'Mật khẩu phải có cả chữ cái và chữ số' });
export type Password = z.output<typeof Password>;
