import { sql } from 'kysely';
import type { AppContext } from '../http/context';
import { resultStatus, type VerifiedStatus } from './result-status';
import type { DossierResultRow } from './results.repository';

/** A result issued for one of the citizen's dossiers, with whether it still holds today. */
export interface HeldResult {
  id: string;
  dossierCode: string;
  procedureCode: string;
  /** The kind of document it is, for reuse: the definition's result template it was printed with. */
  documentKind: string;
  title: string;
  number: string;
  issuerName: string;
  issuedAt: Date;
  fileId: string;
  householdBusinessId: string | null;
  status: VerifiedStatus;
  statusLabel: string;
}

/**
 * The results of the dossiers `applicantId` filed as applicant (their document store, issue 18),
 * newest first; `ids` narrows to these result ids (a reuse being checked).
 */
export async function resultsHeldBy(ctx: AppContext, applicantId: string, ids?: readonly string[]): Promise<HeldResult[]> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  if (ids && ids.length === 0) return [];
  const only = ids ? sql`and r.id::text in (${sql.join(ids)})` : sql``;
  const res = await sql<DossierResultRow & { procedureCode: string }>`
    select r.*, d.procedure_code from dossier_result r
    join dossier d on d.province_code = r.province_code and d.code = r.dossier_code
    where r.province_code = ${provinceCode} and d.applicant_id = ${applicantId} ${only}
    order by r.issued_at desc, r.id desc`.execute(ctx.db);
  return Promise.all(
    res.rows.map(async (r) => ({
      id: String(r.id),
      dossierCode: r.dossierCode,
      procedureCode: r.procedureCode,
      documentKind: r.summary.template ?? r.kind,
      title: r.summary.title,
      number: r.summary.number,
      issuerName: r.summary.issuerName,
      issuedAt: new Date(r.issuedAt),
      fileId: r.fileId,
      householdBusinessId: r.householdBusinessId,
      ...(await resultStatus(ctx, r)),
    })),
  );
}
