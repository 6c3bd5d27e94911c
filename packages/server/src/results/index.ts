/**
 * The results capability's entry point: issuing a dossier's result by its definition's issuer
 * (decision 010), the issuer registry the catalog checks definitions against, and the result file.
 */
export { definitionOfDossier } from './definition-of-dossier';
export {
  checkFilingForResult,
  type FilingFacts,
  type FilingProblem,
  ISSUER_NAMES,
  isKnownIssuer,
  registerOperationOf,
  resultRuleProblems,
} from './issuers/index';
export { type HeldResult, resultsHeldBy } from './result-holdings';
export {
  checkResultIssuable,
  getResultFile,
  type IssuedResult,
  type IssueOutcome,
  listResults,
  onDossierResolved,
  prepareResolution,
  RESOLUTION_REFUSALS,
  resolutionRefusal,
} from './results.service';
