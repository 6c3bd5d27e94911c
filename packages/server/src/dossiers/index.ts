/**
 * The dossiers capability's entry point for other capabilities (results): what they may read of a
 * dossier and the hook by which the `resolve` event records server facts. Other capabilities import
 * from here, not from the repository or the services.
 */
import type { AppContext } from '../http/context';
import { type DossierRow, findDossierRow } from './dossier.repository';

export { type DossierRow, findDossierRow } from './dossier.repository';
export { canSeeDossier } from './dossier-access';
export type { EventFacts } from './dossier-events.service';

/** The dossier of this province with this code (no access check: the caller's). */
export function findDossier(ctx: AppContext, code: string): Promise<DossierRow | undefined> {
  return findDossierRow(ctx.db, ctx.config.PROVINCE_CODE, code);
}
export { lifecycleRoles } from './dossier-access';
export { lookUpDossier, normalizeLookupCode, type PublicDossierView } from './dossier-lookup.service';
export { postalAddressOf, resolvedForPost, returnByPost } from './dossier-postal';
export { findVisibleDossier, listMine } from './dossier-queries.service';
export { countInterlinkedFilings } from './interlinked-counts';
export { AddressLimiter, LookupGuard, sharedLookupGuard } from './lookup-guard';
