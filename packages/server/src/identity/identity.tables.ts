import type { ColumnType, Generated } from 'kysely';
import type { OfficerRole } from './actor';

/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export interface IdentityTables {
  agency: AgencyTable;
  userAccount: UserAccountTable;
  officerRole: OfficerRoleTable;
  session: SessionTable;
  oneTimeCode: OneTimeCodeTable;
  smsOutbox: SmsOutboxTable;
  loginThrottle: LoginThrottleTable;
  phoneCodeQuota: PhoneCodeQuotaTable;
  signUp: SignUpTable;
}

export interface AgencyTable {
  provinceCode: string;
  code: string;
  name: string;
  unitCode: string;
  level: 'province' | 'commune';
}

export interface UserAccountTable {
  id: string;
  provinceCode: string;
  kind: 'citizen' | 'officer';
  phone: string;
  fullName: string;
  passwordHash: string;
  citizenId: string | null;
  phoneVerifiedAt: Date | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  /** Officers administered in the app (migration 026). */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  deactivatedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface OfficerRoleTable {
  provinceCode: string;
  userId: string;
  role: OfficerRole;
  agencyCode: string;
  unitCode: string;
}

export interface SessionTable {
  id: string;
  provinceCode: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface OneTimeCodeTable {
  id: string;
  provinceCode: string;
  phone: string;
  purpose: 'verify_phone';
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: Generated<number>;
  consumedAt: Date | null;
  /** The registration whose password and name the account takes when this code is entered. */
  signUpId: string | null;
}

export interface SmsOutboxTable {
  id: Generated<number>;
  provinceCode: string;
  phone: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  status: Generated<'pending' | 'sent' | 'failed'>;
}

export interface LoginThrottleTable {
  provinceCode: string;
  key: string;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date;
  signedInAt: Date | null;
}

export interface PhoneCodeQuotaTable {
  provinceCode: string;
  phone: string;
  windowStartedAt: Date;
  codesSent: Generated<number>;
  guesses: Generated<number>;
  lastSentAt: Date | null;
}

export interface SignUpTable {
  id: string;
  provinceCode: string;
  phone: string;
  tokenHash: string;
  fullName: string;
  passwordHash: string;
  createdAt: Date;
}
