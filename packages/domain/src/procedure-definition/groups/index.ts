import { ProcedureDefinition } from '../definition';
import { birthRegistrationDefinition } from './birth-registration';
import { childHealthInsuranceCardDefinition } from './child-health-insurance-card';
import { deathRegistrationDefinition } from './death-registration';
import { funeralAllowanceDefinition } from './funeral-allowance';
import { permanentResidenceRegistrationDefinition } from './permanent-residence-registration';
import { permanentResidenceRemovalDefinition } from './permanent-residence-removal';

export {
  birthRegistrationDefinition,
  childHealthInsuranceCardDefinition,
  deathRegistrationDefinition,
  funeralAllowanceDefinition,
  permanentResidenceRegistrationDefinition,
  permanentResidenceRemovalDefinition,
};

/** The six members of the two interlinked groups (birth; death) as definitions, validated once at load. */
export const GROUP_DEFINITIONS: readonly ProcedureDefinition[] = Object.freeze(
  [
    birthRegistrationDefinition,
    permanentResidenceRegistrationDefinition,
    childHealthInsuranceCardDefinition,
    deathRegistrationDefinition,
    permanentResidenceRemovalDefinition,
    funeralAllowanceDefinition,
  ].map((d) => ProcedureDefinition.parse(d)),
);
