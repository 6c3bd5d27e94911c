import { ProcedureDefinition } from '../definition';
import { householdBusinessChangeDefinition } from './household-business-change';
import { householdBusinessRegistrationDefinition } from './household-business-registration';
import { householdBusinessTerminationDefinition } from './household-business-termination';
import { promotionNoticeDefinition } from './promotion-notice';

export {
  householdBusinessChangeDefinition,
  householdBusinessRegistrationDefinition,
  householdBusinessTerminationDefinition,
  promotionNoticeDefinition,
};

/** The four pilot procedures as definitions, validated once at load (a bad one fails here, with its paths). */
export const PILOT_DEFINITIONS: readonly ProcedureDefinition[] = Object.freeze(
  [
    householdBusinessRegistrationDefinition,
    householdBusinessChangeDefinition,
    householdBusinessTerminationDefinition,
    promotionNoticeDefinition,
  ].map((d) => ProcedureDefinition.parse(d)),
);

export function findPilotDefinition(code: string): ProcedureDefinition | undefined {
  return PILOT_DEFINITIONS.find((d) => d.code === code);
}
