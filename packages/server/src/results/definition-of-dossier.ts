import { procedureVersion } from '../catalog/index';
import type { AppContext } from '../http/context';
import type { Definition, ResultDossier } from './issuers/index';

/**
 * The definition of the version a dossier was filed under: the one place results reads it. Reads
 * `ctx.db` (through the catalog's cache): call it outside a transaction on the embedded database.
 */
export async function definitionOfDossier(
  ctx: AppContext,
  dossier: Pick<ResultDossier, 'procedureCode' | 'procedureVersion'>,
): Promise<Definition | undefined> {
  return (await procedureVersion(ctx, dossier.procedureCode, dossier.procedureVersion))?.definition;
}
