import { birthRegistration } from './birth-registration';
import { childHealthInsuranceCard } from './child-health-insurance-card';
import { deathRegistration } from './death-registration';
import { funeralAllowance } from './funeral-allowance';
import { householdBusinessChange } from './household-business-change';
import { householdBusinessRegistration } from './household-business-registration';
import { householdBusinessTermination } from './household-business-termination';
import { permanentResidenceRegistration } from './permanent-residence-registration';
import { permanentResidenceRemoval } from './permanent-residence-removal';
import { ProcedureDefinition } from './procedure';
import { promotionNotice } from './promotion-notice';

export * from './procedure';

/**
 * The catalog shipped with the code: the four procedures of the pilot (DOMAIN.md §4) and the six
 * of the two interlinked groups (seed 004). Parsed once here, so a bad definition fails at load.
 */
export const PROCEDURES: readonly ProcedureDefinition[] = Object.freeze(
  [
    householdBusinessRegistration,
    householdBusinessChange,
    householdBusinessTermination,
    promotionNotice,
    birthRegistration,
    permanentResidenceRegistration,
    childHealthInsuranceCard,
    deathRegistration,
    permanentResidenceRemoval,
    funeralAllowance,
  ].map((definition) => ProcedureDefinition.parse(definition)),
);

export function findProcedure(code: string): ProcedureDefinition | undefined {
  return PROCEDURES.find((p) => p.code === code);
}
