import type { Role } from '@dvc/domain';
import type { Db } from '../db/database';
import type { Actor } from '../identity/actor';
import type { DossierRow } from './dossier.repository';

/** Roles that read every dossier of the province (reports, supervision) but act on none. */
const PROVINCE_READERS = new Set(['province_admin', 'system_admin']);

/** Whether this user may see this dossier at all; a dossier they may not see is answered 404. */
export function canSeeDossier(
  actor: Actor,
  row: Pick<DossierRow, 'applicantId' | 'agencyCode' | 'filedBy' | 'provinceCode'>,
): boolean {
  if (row.provinceCode !== actor.provinceCode) return false;
  if (actor.kind === 'citizen') return row.applicantId === actor.userId;
  if (actor.roles.some((g) => PROVINCE_READERS.has(g.role))) return true;
  if (row.filedBy === actor.userId) return true;
  // A report reader reads figures, not applicants' dossiers.
  return actor.roles.some((g) => g.agencyCode === row.agencyCode && g.role !== 'report_reader');
}

/**
 * For the files capability: whether this user may see at least one dossier of their province that
 * holds the file `sha256` as an attachment (the same rule as canSeeDossier, one row per distinct
 * applicant, agency and filer rather than per dossier).
 */
export async function canSeeDossierHoldingFile(db: Db, actor: Actor, sha256: string): Promise<boolean> {
  const holders = await db
    .selectFrom('dossierAttachment as a')
    .innerJoin('dossier as d', 'd.id', 'a.dossierId')
    .select(['d.applicantId', 'd.agencyCode', 'd.filedBy', 'd.provinceCode'])
    .distinct()
    .where('a.provinceCode', '=', actor.provinceCode)
    .where('a.fileId', '=', sha256)
    .execute();
  return holders.some((row) => canSeeDossier(actor, row));
}

/** The lifecycle roles this user holds for this dossier, most specific first. */
export function lifecycleRoles(actor: Actor, row: Pick<DossierRow, 'applicantId' | 'agencyCode'>): Role[] {
  if (actor.kind === 'citizen') return row.applicantId === actor.userId ? ['citizen'] : [];
  const roles = actor.roles.filter((g) => g.agencyCode === row.agencyCode).map((g) => g.role);
  return (['leader', 'specialist', 'receiver', 'hotline'] as const).filter((r) => roles.includes(r));
}

/** Agencies whose dossiers an officer lists; null = the whole province. */
export function officerAgencies(actor: Actor): string[] | null {
  if (actor.roles.some((g) => PROVINCE_READERS.has(g.role))) return null;
  return [...new Set(actor.roles.map((g) => g.agencyCode))];
}
