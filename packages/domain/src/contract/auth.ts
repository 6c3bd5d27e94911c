import { z } from 'zod';
import { Password, PhoneNumber } from '../identity-numbers';

/**
 * Request and response shapes of /api/v1/auth: the server validates, answers and documents with them,
 * the web app reads its session through them.
 */

/** The roles an officer may be granted (per agency and unit). */
export const OFFICER_ROLES = [
  'receiver',
  'specialist',
  'leader',
  'hotline',
  'report_reader',
  'province_admin',
  'system_admin',
] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const RoleGrantView = z.object({
  role: z.enum(OFFICER_ROLES),
  agencyCode: z.string(),
  unitCode: z.string(),
});

export const UserView = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'officer']),
  fullName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(RoleGrantView),
});

export const SessionView = z.object({ user: UserView, csrfToken: z.string() });

export const RegisterBody = z.strictObject({
  phone: PhoneNumber,
  password: Password,
  fullName: z.string().trim().min(2, { message: 'Vui lòng nhập họ và tên' }).max(200),
});

export const VerifyPhoneBody = z.strictObject({
  phone: PhoneNumber,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'Mã xác thực gồm 6 chữ số' }),
});

export const PhoneBody = z.strictObject({ phone: PhoneNumber });

/** Login does not re-check the password rules: they may have changed since the account was made. */
export const LoginBody = z.strictObject({
  phone: PhoneNumber,
  password: z.string().min(1, { message: 'Vui lòng nhập mật khẩu' }).max(128),
});

export const CodeSentView = z.object({ phone: z.string(), codeExpiresAt: z.string() });

export const OfficerRolesView = z.object({
  roles: z.array(RoleGrantView.extend({ agencyName: z.string() })),
});

export type SessionUser = z.infer<typeof UserView>;
