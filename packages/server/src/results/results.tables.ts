import type { Generated, JSONColumnType } from 'kysely';

/** Results issued for dossiers (migration 009), numbered per agency and year. */
export type ResultTables = {
  dossierResult: DossierResultTable;
  resultNumberSequence: ResultNumberSequenceTable;
};

/** The last number an agency gave its generic certificates in a year. */
export interface ResultNumberSequenceTable {
  provinceCode: string;
  agencyCode: string;
  year: number;
  lastValue: number;
}

export type ResultKind = 'certificate' | 'acknowledgement' | 'notice';

/** The facts the public verification page may show: never the owner's name, ID or address. */
export interface ResultSummary {
  /** Title of the document, e.g. "Giấy chứng nhận đăng ký hộ kinh doanh". */
  title: string;
  /** The number the document carries (registration number; the dossier code for an acknowledgement). */
  number: string;
  /** Business or enterprise name as printed. */
  subjectName: string;
  /** Second line, e.g. the promotion programme. */
  detail?: string;
  issuerName: string;
  /** The certificate's change number (0 = first registration). */
  changeNumber?: number;
  /** The definition's `result.template` it was printed with (names the downloaded file). */
  template?: string;
}

export type DossierResultTable = {
  id: Generated<number>;
  provinceCode: string;
  dossierCode: string;
  kind: ResultKind;
  /** SHA-256 of the PDF in the blob store. */
  fileId: string;
  verificationCode: string;
  issuedAt: Date;
  electronic: boolean;
  digitized: boolean;
  householdBusinessId: string | null;
  summary: JSONColumnType<ResultSummary, string, never>;
};
