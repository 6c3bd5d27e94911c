import { BUILT_IN_DEFINITIONS } from '../procedure-definition/built-in';
import { catalogFactsOf } from '../procedure-definition/catalog-facts';
import type { ProcedureDefinition } from './procedure';

export * from './procedure';

/**
 * The catalog's facts of the ten procedures shipped with the code (the four of the pilot, DOMAIN.md §4,
 * and the six of the two interlinked groups, seed 004), computed from their definitions
 * (procedure-definition/): one source, so the facts and the forms cannot drift apart. The files beside
 * this one are the facts as first written by hand; a test holds the two equal.
 */
export const PROCEDURES: readonly ProcedureDefinition[] = Object.freeze(BUILT_IN_DEFINITIONS.map(catalogFactsOf));

export function findProcedure(code: string): ProcedureDefinition | undefined {
  return PROCEDURES.find((p) => p.code === code);
}
