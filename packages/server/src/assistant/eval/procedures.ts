import { procedureDefinitions as d } from '@dvc/domain';

/**
 * The procedures the evaluation set expects as answers, named by their definitions (as the access
 * matrix names the one it files against), so no code of the catalog is written out in the questions.
 */
export const EXPECTED = {
  registration: d.householdBusinessRegistrationDefinition.code,
  change: d.householdBusinessChangeDefinition.code,
  termination: d.householdBusinessTerminationDefinition.code,
  promotion: d.promotionNoticeDefinition.code,
  birth: d.birthRegistrationDefinition.code,
  residence: d.permanentResidenceRegistrationDefinition.code,
  childInsurance: d.childHealthInsuranceCardDefinition.code,
  death: d.deathRegistrationDefinition.code,
  residenceRemoval: d.permanentResidenceRemovalDefinition.code,
  funeral: d.funeralAllowanceDefinition.code,
} as const;
