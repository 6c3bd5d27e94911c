import { sql } from 'kysely';
import type { Db } from '../db/database';

/** A digitized component of one of the citizen's dossiers, accepted by the desk. */
export interface HeldComponentRow {
  id: string;
  dossierCode: string;
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  addedBy: string | null;
  addedAt: Date;
}

/**
 * The digitized components of the dossiers `applicantId` filed — their own uploads and the desk's
 * signed scans — once the desk received the dossier (accepted at reception). Copies attached by
 * reuse are left out: they are the same document as their source. `ids` narrows to these ids.
 */
export async function listHeldComponents(
  db: Db,
  provinceCode: string,
  applicantId: string,
  ids?: readonly string[],
): Promise<HeldComponentRow[]> {
  if (ids && ids.length === 0) return [];
  const only = ids ? sql`and a.id::text in (${sql.join(ids)})` : sql``;
  const res = await sql<HeldComponentRow>`
    select a.id::text as id, d.code as dossier_code, d.procedure_code, d.procedure_version, d.agency_code,
      a.component_id, a.file_id, a.file_name, a.media_type, a.added_by, a.added_at
    from dossier_attachment a
    join dossier d on d.id = a.dossier_id
    where a.province_code = ${provinceCode} and d.province_code = ${provinceCode} and d.applicant_id = ${applicantId}
      and a.digitized and a.file_id <> '' and a.reused_kind is null and d.received_at is not null ${only}
    order by a.added_at desc, a.id desc`.execute(db);
  return res.rows.map((r) => ({ ...r, addedAt: new Date(r.addedAt), procedureVersion: Number(r.procedureVersion) }));
}

/** Which of these files some dossier of the province holds as an attachment. */
export async function attachedFileIds(db: Db, provinceCode: string, fileIds: readonly string[]): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const res = await sql<{ fileId: string }>`
    select distinct file_id from dossier_attachment
    where province_code = ${provinceCode} and file_id in (${sql.join(fileIds)})`.execute(db);
  return new Set(res.rows.map((r) => r.fileId));
}
