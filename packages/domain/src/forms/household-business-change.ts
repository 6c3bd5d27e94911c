import { z } from 'zod';
import { CitizenId, RegistrationNumber } from './common';
import {
  BusinessLines,
  BusinessLocation,
  BusinessName,
  BusinessOwner,
  Capital,
  HouseholdMember,
} from './household-business-registration';

/**
 * Đăng ký thay đổi nội dung đăng ký hộ kinh doanh: the citizen points at the existing registration
 * (number + owner's ID, which the server matches against the register) and fills only what
 * changes. Each part, when present, is checked exactly like at registration.
 */

export const HOUSEHOLD_BUSINESS_CHANGE_PARTS = [
  'businessName',
  'location',
  'businessLines',
  'capital',
  'employees',
  'owner',
  'members',
] as const;

export const householdBusinessChangeForm = z.strictObject({
  registrationNumber: RegistrationNumber,
  ownerCitizenId: CitizenId,
  changes: z
    .strictObject(
      {
        businessName: BusinessName.optional(),
        location: BusinessLocation.optional(),
        /** The whole new list of lines (the certificate reprints the table). */
        businessLines: BusinessLines.optional(),
        capital: Capital.optional(),
        employees: z
          .number({ error: 'Vui lòng nhập số lao động' })
          .int({ error: 'Số lao động phải là số nguyên' })
          .min(0, { error: 'Số lao động không được âm' })
          .optional(),
        /** A new owner (change of the household's representative or transfer). */
        owner: BusinessOwner.optional(),
        /** The whole new list of contributing members. */
        members: z.array(HouseholdMember).optional(),
      },
      { error: 'Vui lòng chọn nội dung cần thay đổi' },
    )
    .refine((c) => HOUSEHOLD_BUSINESS_CHANGE_PARTS.some((k) => c[k] !== undefined), {
      error: 'Chọn ít nhất một nội dung cần thay đổi',
    }),
});
export type HouseholdBusinessChangeForm = z.output<typeof householdBusinessChangeForm>;
