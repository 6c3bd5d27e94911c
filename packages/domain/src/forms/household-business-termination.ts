import { z } from 'zod';
import { CitizenId, isoDate, RegistrationNumber, requiredText } from './common';

/**
 * Chấm dứt hoạt động hộ kinh doanh: which registration, why, from when, and whether the original
 * certificate is handed back (its photo is an attachment of the dossier when held; when it is
 * lost the notice says so).
 */
export const householdBusinessTerminationForm = z.strictObject({
  registrationNumber: RegistrationNumber,
  ownerCitizenId: CitizenId,
  reason: requiredText('lý do chấm dứt hoạt động', 1000),
  terminationDate: isoDate('ngày chấm dứt hoạt động'),
  hasOriginalCertificate: z.boolean({ error: 'Cho biết còn giữ bản gốc Giấy chứng nhận đăng ký hộ kinh doanh không' }),
});
export type HouseholdBusinessTerminationForm = z.output<typeof householdBusinessTerminationForm>;
