import type { Generated, JSONColumnType } from 'kysely';

/** Tables of the privacy capability (047_create-personal-data-reads.sql, 048_create-retention.sql). */
export type PrivacyTables = {
  personalDataRead: PersonalDataReadTable;
  dataSubjectRequest: DataSubjectRequestTable;
  retentionPolicy: RetentionPolicyTable;
  retentionRun: RetentionRunTable;
  consentRecord: ConsentRecordTable;
};

export interface RetentionPolicyTable {
  provinceCode: string;
  category: string;
  procedureCode: string;
  keepDays: number;
  action: 'delete' | 'anonymise' | 'keep';
  legalBasis: string;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface RetentionRunTable {
  id: Generated<string>;
  provinceCode: string;
  runId: string;
  at: Date;
  category: string;
  procedureCode: string;
  action: string;
  cutoff: Date;
  affected: number;
  detail: JSONColumnType<Record<string, number>, string, string>;
}

export interface ConsentRecordTable {
  id: Generated<string>;
  provinceCode: string;
  userId: string;
  purpose: string;
  noticeVersion: string;
  decision: 'given' | 'withdrawn';
  at: Date;
  ip: string | null;
}

export interface PersonalDataReadTable {
  id: Generated<string>;
  provinceCode: string;
  at: Date;
  officerId: string;
  agencyCode: string;
  recordType: string;
  recordId: string;
  dossierId: string | null;
  subjectId: string | null;
  route: string;
  screen: string | null;
  requestId: string | null;
}

export interface DataSubjectRequestTable {
  id: string;
  provinceCode: string;
  code: string;
  citizenId: string;
  kind: 'correction' | 'deletion';
  detail: string;
  status: 'open' | 'done' | 'refused';
  createdAt: Date;
  dueAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  outcome: JSONColumnType<Record<string, number>, string, string> | null;
}
