import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { FileUploadTable, StoredFileTable, UploadSessionTable } from './files.tables';

export interface StoredFileRow {
  provinceCode: string;
  ownerId: string;
  sha256: string;
  originalName: string;
  mediaType: string;
  size: number;
  createdAt: Date;
}

export type UploadOutcome = Pick<FileUploadTable, 'status' | 'sha256' | 'reason'> & { ownerId: string };

/**
 * Records a stored file for its owner. The same owner uploading the same bytes again keeps one row
 * and takes the newest name: that is the name they expect to see next to the attachment.
 */
export async function upsertStoredFile(
  db: Db,
  row: Omit<StoredFileTable, 'createdAt'> & { createdAt: Date },
): Promise<StoredFileRow> {
  return db
    .insertInto('storedFile')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['provinceCode', 'ownerId', 'sha256']).doUpdateSet((eb) => ({
        originalName: eb.ref('excluded.originalName'),
        mediaType: eb.ref('excluded.mediaType'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOwnedFile(
  db: Db,
  provinceCode: string,
  ownerId: string,
  sha256: string,
): Promise<StoredFileRow | undefined> {
  return db
    .selectFrom('storedFile')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('ownerId', '=', ownerId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

/** The rows of these (owner, bytes) pairs that exist, in one statement, each found by its key. */
export async function findOwnedFiles(
  db: Db,
  provinceCode: string,
  wanted: Array<{ ownerId: string; sha256: string }>,
): Promise<StoredFileRow[]> {
  if (wanted.length === 0) return [];
  const rows = await sql<StoredFileRow>`select f.* from unnest(${wanted.map((w) => w.ownerId)}::uuid[],
      ${wanted.map((w) => w.sha256)}::text[]) as wanted (owner_id, sha256)
    join stored_file f on f.province_code = ${provinceCode} and f.owner_id = wanted.owner_id and f.sha256 = wanted.sha256`.execute(
    db,
  );
  return rows.rows;
}

/** Every owner's row for these bytes (an officer reading a citizen's file may match any of them). */
export async function findFilesBySha(db: Db, provinceCode: string, sha256: string): Promise<StoredFileRow[]> {
  return db
    .selectFrom('storedFile')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('sha256', '=', sha256)
    .orderBy('createdAt')
    .execute();
}

export async function recordUploadOutcome(
  db: Db,
  row: {
    uploadId: string;
    provinceCode: string;
    ownerId: string;
    status: 'stored' | 'rejected';
    sha256: string | null;
    reason: string | null;
    finishedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('fileUpload')
    .values(row)
    .onConflict((oc) => oc.column('uploadId').doNothing())
    .execute();
}

export async function findUploadOutcome(db: Db, provinceCode: string, uploadId: string): Promise<UploadOutcome | undefined> {
  return db
    .selectFrom('fileUpload')
    .select(['status', 'sha256', 'reason', 'ownerId'])
    .where('provinceCode', '=', provinceCode)
    .where('uploadId', '=', uploadId)
    .executeTakeFirst();
}

export interface UploadQuota {
  maxSessions: number;
  maxBytes: number;
}

export type UploadReservation =
  | { ok: true }
  | { ok: false; reason: 'too_many_sessions' | 'too_many_bytes'; openSessions: number; openBytes: number };

/** Two-key advisory locks of their own key space: (this number, hash of the owner). */
const UPLOAD_QUOTA_LOCK = 5119;

/**
 * Opens an upload session unless its owner's open sessions or declared bytes would then pass the
 * quota. Counted and written under a lock of that owner, so that creations arriving together are
 * counted one after the other and never take the last place twice.
 */
export async function reserveUploadSession(db: Db, row: UploadSessionTable, quota: UploadQuota): Promise<UploadReservation> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(UPLOAD_QUOTA_LOCK)}, hashtext(${`${row.provinceCode}:${row.ownerId}`}))`.execute(
      trx,
    );
    const open = await sql<{ sessions: number; bytes: number }>`select count(*)::int as sessions,
        coalesce(sum(declared_bytes), 0)::float8 as bytes
      from upload_session
      where province_code = ${row.provinceCode} and owner_id = ${row.ownerId} and expires_at > ${row.createdAt}`.execute(trx);
    const { sessions, bytes } = open.rows[0] ?? { sessions: 0, bytes: 0 };
    const refused = (reason: 'too_many_sessions' | 'too_many_bytes') =>
      ({ ok: false, reason, openSessions: sessions, openBytes: bytes }) as const;
    if (sessions + 1 > quota.maxSessions) return refused('too_many_sessions');
    if (bytes + row.declaredBytes > quota.maxBytes) return refused('too_many_bytes');
    await trx.insertInto('uploadSession').values(row).execute();
    return { ok: true };
  });
}

/** The upload ended (stored, refused or cancelled): it no longer counts against its owner. */
export async function releaseUploadSession(db: Db, provinceCode: string, uploadId: string): Promise<void> {
  await db.deleteFrom('uploadSession').where('provinceCode', '=', provinceCode).where('uploadId', '=', uploadId).execute();
}

/** Housekeeping: expired sessions already count for nothing; this only keeps the table small. */
export async function deleteExpiredUploadSessions(db: Db, provinceCode: string, now: Date): Promise<void> {
  await db.deleteFrom('uploadSession').where('provinceCode', '=', provinceCode).where('expiresAt', '<=', now).execute();
}

/** The files this owner stored, newest first (their document store lists those in no dossier). */
export async function listFilesOwnedBy(db: Db, provinceCode: string, ownerId: string): Promise<StoredFileRow[]> {
  return db
    .selectFrom('storedFile')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('ownerId', '=', ownerId)
    .orderBy('createdAt', 'desc')
    .execute();
}

/** Forgets the owner's row of these bytes; true if there was one. */
export async function deleteOwnedFile(db: Db, provinceCode: string, ownerId: string, sha256: string): Promise<boolean> {
  const r = await db
    .deleteFrom('storedFile')
    .where('provinceCode', '=', provinceCode)
    .where('ownerId', '=', ownerId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
