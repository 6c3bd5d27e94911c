import { z } from 'zod';
import { OFFICER_ROLES } from './auth';

/** Answers of the staff administration routes and the officers' staff picker, for the server and the app. */

export const StaffView = z.object({
  id: z.string(),
  fullName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  onLeave: z.boolean(),
  roles: z.array(z.object({ role: z.enum(OFFICER_ROLES), agencyCode: z.string(), agencyName: z.string() })),
});

/** GET /api/v1/admin/staff: the officers found, and the agencies a role may be granted in. */
export const StaffListView = z.object({
  items: z.array(StaffView),
  agencies: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
});

/** GET /api/v1/officer/agencies/:code/staff: an agency's officers of a role (assigning, handing over). */
export const StaffPickListView = z.object({ items: z.array(z.object({ id: z.string(), fullName: z.string() })) });

/** POST /api/v1/admin/staff/:id/handover: the officer after it, the dossiers moved and those kept, with why. */
export const HandoverView = z.object({
  staff: StaffView,
  moved: z.array(z.string()).describe('Mã hồ sơ đã chuyển'),
  kept: z.array(z.object({ code: z.string(), reason: z.string() })).describe('Hồ sơ chưa chuyển được và lý do'),
});

export type StaffMember = z.infer<typeof StaffView>;
export type StaffList = z.infer<typeof StaffListView>;
