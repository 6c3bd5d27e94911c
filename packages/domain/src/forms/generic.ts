import { z } from 'zod';
import { CitizenId, OptionalEmail, optionalText, Phone, requiredText } from './common';

/**
 * The minimal form of a procedure without a guided form of its own (the interlinked birth and
 * death groups): who files, and a free note; the components carry the content.
 */
export const genericApplicationForm = z.strictObject({
  applicant: z.strictObject({
    fullName: requiredText('họ và tên người nộp', 100),
    citizenId: CitizenId,
    phone: Phone,
    email: OptionalEmail,
  }),
  note: optionalText('ghi chú', 2000),
});
export type GenericApplicationForm = z.output<typeof genericApplicationForm>;
