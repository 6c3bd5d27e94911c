import type { Generated, JSONColumnType, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Tables of the privacy capability (047_create-personal-data-reads.sql, 048_create-retention.sql).
 * A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
 */
export type PrivacyTables = {
  personalDataRead: PersonalDataReadTable;
  dataSubjectRequest: DataSubjectRequestTable;
};

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

export type PrivacyDb = Kysely<Database & PrivacyTables>;

export function withPrivacyTables(db: Kysely<Database>): PrivacyDb {
  return db.withTables<PrivacyTables>();
}
