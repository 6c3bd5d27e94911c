import type { Role } from '@dvc/domain';
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
  return actor.roles.some((g) => g.agencyCode === row.agencyCode);
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
