import { z } from 'zod';
import { checkBusinessName } from '../business-name';
import { checkCitizenIdConsistency } from '../identity-numbers';
import { isPlausibleVsicCode } from '../vsic';
import {
  CitizenId,
  citizenIdYearMismatch,
  DeliveryChoice,
  dong,
  isoDate,
  isVietnamese,
  OptionalEmail,
  optionalText,
  Phone,
  requiredText,
  SexChoice,
  UnitCode,
  whenValid,
} from './common';

/**
 * Đăng ký thành lập hộ kinh doanh (1.001612): what the Giấy đề nghị asks, field by field. The
 * live uniqueness check of the name and the validity of the unit today need the register and
 * the unit list: the server's. Everything else is checked here, on the phone and on the server.
 */

export const BusinessName = z
  .string({ error: 'Vui lòng nhập tên hộ kinh doanh' })
  .superRefine((name, ctx) => {
    for (const message of checkBusinessName(name)) ctx.addIssue({ code: 'custom', message });
  })
  .transform((name) => name.normalize('NFC').replace(/\s+/g, ' ').trim());

export const BusinessLocation = z.strictObject({
  unitCode: UnitCode,
  street: requiredText('số nhà, đường, thôn/tổ dân phố', 255),
});

export const BusinessLine = z.strictObject({
  code: z
    .string({ error: 'Vui lòng chọn mã ngành' })
    .trim()
    .superRefine((code, ctx) => {
      const check = isPlausibleVsicCode(code);
      if (!check.plausible) ctx.addIssue({ code: 'custom', message: check.message });
    }),
  name: requiredText('tên ngành, nghề', 500),
  isMain: z.boolean({ error: 'Cho biết đây có phải ngành chính không' }),
});

/** Business lines: at least one, no code twice, exactly one marked as the main line (certificate). */
export const BusinessLines = z
  .array(BusinessLine, { error: 'Vui lòng chọn ít nhất một ngành, nghề kinh doanh' })
  .min(1, { error: 'Vui lòng chọn ít nhất một ngành, nghề kinh doanh' })
  .superRefine((lines, ctx) => {
    const mains = lines.filter((l) => l.isMain).length;
    if (mains !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: mains === 0 ? 'Chọn một ngành, nghề kinh doanh chính' : 'Chỉ được chọn một ngành, nghề kinh doanh chính',
      });
    }
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `Ngành ${l.code} đã được chọn` });
      seen.add(l.code);
    });
  });

/** The owner (chủ hộ kinh doanh), a Vietnamese citizen; the ID must agree with birth year and sex. */
export const BusinessOwner = z
  .strictObject({
    fullName: requiredText('họ và tên', 100),
    birthDate: isoDate('ngày sinh'),
    sex: SexChoice,
    ethnicity: requiredText('dân tộc', 50),
    nationality: requiredText('quốc tịch', 50).refine(isVietnamese, {
      error: 'Chủ hộ kinh doanh phải là công dân Việt Nam',
    }),
    citizenId: CitizenId,
    residence: requiredText('nơi thường trú', 255),
    phone: Phone,
    email: OptionalEmail,
  })
  .superRefine((owner, ctx) => {
    // The ID's 4th digit encodes century and sex, the 5th–6th the year: a contradiction is a typo
    // in one of the three, reported on the ID, which is the field people mistype.
    for (const e of checkCitizenIdConsistency(owner.citizenId, owner)) {
      ctx.addIssue({ code: 'custom', path: ['citizenId'], message: e.message });
    }
  });

/** A household member contributing to the business (thành viên hộ gia đình). */
export const HouseholdMember = z
  .strictObject({
    fullName: requiredText('họ và tên thành viên', 100),
    birthDate: isoDate('ngày sinh'),
    citizenId: CitizenId,
    /** Contribution in đồng, when the household records one. */
    contribution: dong('phần vốn góp', { allowZero: true }).optional(),
  })
  .superRefine((m, ctx) => {
    const message = citizenIdYearMismatch(m.citizenId, m.birthDate);
    if (message) ctx.addIssue({ code: 'custom', path: ['citizenId'], message });
  });

export const Capital = dong('vốn kinh doanh');

export const householdBusinessRegistrationForm = z
  .strictObject({
    businessName: BusinessName,
    location: BusinessLocation,
    businessLines: BusinessLines,
    capital: Capital,
    employees: z
      .number({ error: 'Vui lòng nhập số lao động' })
      .int({ error: 'Số lao động phải là số nguyên' })
      .min(0, { error: 'Số lao động không được âm' }),
    owner: BusinessOwner,
    members: z.array(HouseholdMember).default([]),
    delivery: DeliveryChoice,
    /** Required when the result goes by post. */
    postalAddress: optionalText('địa chỉ nhận kết quả', 255),
  })
  .superRefine(
    (form, ctx) => {
      if (form.delivery === 'post' && !form.postalAddress) {
        ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'Vui lòng nhập địa chỉ nhận kết quả qua bưu điện' });
      }
    },
    { when: whenValid('delivery', 'postalAddress') },
  )
  .superRefine(
    (form, ctx) => {
      const ids = new Set([form.owner.citizenId]);
      form.members.forEach((m, i) => {
        if (ids.has(m.citizenId)) {
          ctx.addIssue({ code: 'custom', path: ['members', i, 'citizenId'], message: 'Số định danh cá nhân bị trùng' });
        }
        ids.add(m.citizenId);
      });
    },
    { when: whenValid('owner', 'members') },
  )
  .superRefine(
    (form, ctx) => {
      const contributed = form.members.reduce((sum, m) => sum + (m.contribution ?? 0), 0);
      if (contributed > form.capital) {
        ctx.addIssue({
          code: 'custom',
          path: ['members'],
          message: 'Tổng phần vốn góp của các thành viên vượt quá vốn kinh doanh',
        });
      }
    },
    { when: whenValid('capital', 'members') },
  );
export type HouseholdBusinessRegistrationForm = z.output<typeof householdBusinessRegistrationForm>;

/** Business lines the officer must check against the full VSIC list (missing from the partial data). */
export function businessLinesNeedingReview(lines: ReadonlyArray<{ code: string }>): string[] {
  return lines
    .filter((l) => {
      const check = isPlausibleVsicCode(l.code);
      return check.plausible && check.needsReview;
    })
    .map((l) => l.code);
}
