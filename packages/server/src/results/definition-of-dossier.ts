import { procedureDefinitions } from '@dvc/domain';
import type { AppContext } from '../http/context';
import type { Definition, ResultDossier } from './issuers/index';

/**
 * The definition a dossier was filed under: the one place results reads it. Until the catalog's
 * `procedureVersion(ctx, code, version)` is on main, the built-in definitions of the pilot
 * procedures; undefined for the others (the six group procedures: their outcome is recorded only).
 */
export async function definitionOfDossier(
  _ctx: AppContext,
  dossier: Pick<ResultDossier, 'procedureCode'>,
): Promise<Definition | undefined> {
  return procedureDefinitions.findPilotDefinition(dossier.procedureCode);
}
