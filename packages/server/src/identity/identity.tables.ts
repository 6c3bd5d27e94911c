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
  /** Administered in the app (migration 032, organisation/). */
  kind: ColumnType<AgencyKindColumn, AgencyKindColumn | undefined, AgencyKindColumn>;
  parentCode: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'YYYY-MM-DD'; null: since before the records. */
  validFrom: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'YYYY-MM-DD', exclusive; null: still open. */
  validTo: ColumnType<string | null, string | null | undefined, string | null>;
  codePrefix: ColumnType<string | null, string | null | undefined, string | null>;
  desk: ColumnType<unknown, string | null | undefined, string | null>;
  officeHours: ColumnType<unknown, string | null | undefined, string | null>;
}

export type AgencyKindColumn =
  | 'public_service_centre'
  | 'commune_people_committee'
  | 'district_people_committee'
  | 'department_industry_trade'
  | 'commune_police'
  | 'social_insurance_agency'
  | 'other';

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
  /** Set while the officer is on leave: no new dossiers go to them (migration 032). */
  onLeaveSince: ColumnType<Date | null, Date | null | undefined, Date | null>;
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
  status: Generated<'pending' | 'sent' | 'delivered' | 'failed'>;
  /** Migration 046, the SMPP gateway's (notifications/smpp-channel.ts): 0 = one-time codes, first. */
  priority: Generated<number>;
  attempts: Generated<number>;
  nextAttemptAt: Generated<Date | null>;
  lastError: Generated<string | null>;
  deliveredAt: Generated<Date | null>;
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
