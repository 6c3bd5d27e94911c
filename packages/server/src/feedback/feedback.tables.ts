import type { ColumnType, JSONColumnType } from 'kysely';

/** Tables of citizens' feedback: satisfaction ratings and complaints (migration 037). */
export interface FeedbackTables {
  dossierRating: DossierRatingTable;
  complaint: ComplaintTable;
}

export interface DossierRatingTable {
  provinceCode: string;
  dossierCode: string;
  dossierId: string;
  procedureCode: string;
  agencyCode: string;
  unitCode: string;
  answers: JSONColumnType<Record<string, string>, string, string>;
  comment: string | null;
  givenBy: 'applicant' | 'link';
  createdAt: Date;
  updatedAt: Date;
}

export interface ComplaintTable {
  id: string;
  provinceCode: string;
  code: string;
  kind: 'complaint' | 'recommendation';
  dossierCode: string | null;
  procedureCode: string | null;
  agencyCode: string;
  unitCode: string | null;
  citizenId: string | null;
  citizenName: string;
  citizenPhone: string | null;
  subject: string;
  content: string;
  attachments: JSONColumnType<{ sha256: string; name: string }[], string, string>;
  status: 'open' | 'answered';
  createdAt: Date;
  dueAt: Date;
  answer: ColumnType<string | null, string | null | undefined, string | null>;
  answeredBy: ColumnType<string | null, string | null | undefined, string | null>;
  answeredAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
