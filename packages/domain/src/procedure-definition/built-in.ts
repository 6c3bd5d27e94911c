import type { ProcedureDefinition } from './definition';
import { GROUP_DEFINITIONS } from './groups/index';
import { PILOT_DEFINITIONS } from './pilot/index';

/**
 * The ten procedures shipped with the code, in the catalog's order: the seed writes them as version 1
 * of a province's catalog (and a changed one as a new version); after that the stored versions rule.
 */
export const BUILT_IN_DEFINITIONS: readonly ProcedureDefinition[] = Object.freeze([...PILOT_DEFINITIONS, ...GROUP_DEFINITIONS]);

export function findBuiltInDefinition(code: string): ProcedureDefinition | undefined {
  return BUILT_IN_DEFINITIONS.find((d) => d.code === code);
}
