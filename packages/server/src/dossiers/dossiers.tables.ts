import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Tables owned by the dossier capability. */
export interface DossierTables {
  dossier: DossierTable;
  dossierEvent: DossierEventTable;
  dossierCodeSequence: DossierCodeSequenceTable;
  dossierAttachment: DossierAttachmentTable;
  dossierImport: DossierImportTable;
  dossierLookupPin: DossierLookupPinTable;
}

type Json<T extends object> = JSONColumnType<T, string, string>;

export interface DossierTable {
  id: string;
  provinceCode: string;
  code: string;
  procedureCode: string;
  agencyCode: string;
  unitCode: string;
  applicantId: string | null;
  applicantName: string;
  applicantPhone: string | null;
  applicantCitizenId: string | null;
  filedBy: string | null;
  channel: string;
  status: string;
  step: string | null;
  delivery: string | null;
  form: Json<Record<string, unknown>>;
  /** The register's key of the business name the form asks for (migration 049), null if none. */
  businessNameKey: string | null;
  snapshot: Json<Record<string, unknown>>;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  withdrawnAt: Date | null;
  supplementCount: number;
  apologyCount: number;
  assigneeId: string | null;
  feeAmount: number;
  paidOnline: Generated<boolean>;
  componentsTotal: number;
  componentsDigitized: number;
  resultDigitized: Generated<boolean>;
  resultElectronic: Generated<boolean>;
  specialCaseReason: string | null;
  groupCode: string | null;
  searchText: string;
  version: Generated<number>;
  /** The version of the procedure's definition it was filed under (migration 030). */
  procedureVersion: Generated<number>;
  updatedAt: Date;
}

export interface DossierEventTable {
  id: Generated<number>;
  provinceCode: string;
  dossierId: string;
  seq: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  fromStep: string | null;
  toStep: string | null;
  actorId: string | null;
  actorRole: string;
  at: Date;
  note: string | null;
  payload: Json<Record<string, unknown>>;
}

export interface DossierCodeSequenceTable {
  provinceCode: string;
  agencyCode: string;
  day: string;
  lastValue: number;
}

export interface DossierAttachmentTable {
  id: Generated<number>;
  provinceCode: string;
  dossierId: string;
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  digitized: Generated<boolean>;
  addedBy: string | null;
  addedAt: Date;
  round: Generated<number>;
  /** Attached from the citizen's document store instead of an upload (migration 056): a result or a component. */
  reusedKind: 'result' | 'component' | null;
  /** The dossier the reused document came from. */
  reusedFromDossier: string | null;
  /** 'verified-identity': no file, the VNeID-verified identity replaces the paper (migration 059). */
  waivedBy: ColumnType<'verified-identity' | null, 'verified-identity' | null | undefined, never>;
}

/** Progress of a web import of the dossier history (migration 028). */
export interface DossierImportTable {
  id: string;
  provinceCode: string;
  createdBy: string;
  fileName: string;
  sizeBytes: number | string;
  status: 'running' | 'done' | 'failed';
  bytesRead: Generated<number | string>;
  rowsRead: Generated<number>;
  inserted: Generated<number>;
  duplicates: Generated<number>;
  conflicts: Generated<number>;
  badRows: Generated<number>;
  hasErrorsFile: Generated<boolean>;
  failure: Generated<string | null>;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Generated<Date | null>;
}

/** A hash of each dossier's current lookup PIN (migration 043). */
export interface DossierLookupPinTable {
  provinceCode: string;
  dossierCode: string;
  pinHash: string;
  issuedAt: Date;
}
