import type { ColumnType } from 'kysely';

/** Tables owned by the files capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export type FilesTables = {
  storedFile: StoredFileTable;
  fileUpload: FileUploadTable;
  uploadSession: UploadSessionTable;
};

export type StoredFileTable = {
  provinceCode: string;
  /** The user who uploaded it; only they may attach it. */
  ownerId: string;
  sha256: string;
  originalName: string;
  /** Sniffed from the bytes. */
  mediaType: string;
  size: number;
  createdAt: ColumnType<Date, Date, never>;
};

export type FileUploadTable = {
  /** The tus upload id (last segment of its URL). */
  uploadId: string;
  provinceCode: string;
  ownerId: string;
  status: 'stored' | 'rejected';
  sha256: string | null;
  reason: string | null;
  finishedAt: ColumnType<Date, Date, never>;
};

/** An unfinished tus upload, counted against its owner's quota until it ends or `expiresAt`. */
export type UploadSessionTable = {
  uploadId: string;
  provinceCode: string;
  ownerId: string;
  /** The upload's Upload-Length. */
  declaredBytes: number;
  createdAt: Date;
  expiresAt: Date;
};
