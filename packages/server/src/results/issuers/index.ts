import { acknowledgement } from './acknowledgement';
import { certificate } from './certificate';
import { householdBusinessRegister } from './household-business-register';
import type { Db, Definition, FilingFacts, FilingProblem, ResultIssuer } from './issuer';
import { recordedOutcome } from './recorded-outcome';

/** The issuer modules by the name a definition's `result.issuer` gives. Adding one = one module + one line. */
const ISSUERS: ReadonlyMap<string, ResultIssuer> = new Map(
  [householdBusinessRegister, acknowledgement, recordedOutcome, certificate].map((issuer) => [issuer.name, issuer]),
);

export const ISSUER_NAMES: readonly string[] = [...ISSUERS.keys()];

export function isKnownIssuer(name: string): boolean {
  return ISSUERS.has(name);
}

/**
 * What is wrong with a definition's `result` for the issuers (empty: nothing), with the path of each
 * problem, for the catalog to refuse a definition before it is saved.
 */
export function resultRuleProblems(result: { issuer: string; template: string }): { path: string; message: string }[] {
  const issuer = ISSUERS.get(result.issuer);
  if (!issuer) {
    return [{ path: 'result.issuer', message: `Không có bộ cấp kết quả "${result.issuer}" (có: ${ISSUER_NAMES.join(', ')})` }];
  }
  if (issuer.templates && !issuer.templates.includes(result.template)) {
    return [
      {
        path: 'result.template',
        message: `Bộ cấp kết quả "${issuer.name}" không có mẫu "${result.template}" (có: ${issuer.templates.join(', ')})`,
      },
    ];
  }
  return [];
}

/**
 * The issuer of a dossier's result. A dossier without a definition (the six group procedures until
 * their definitions are stored) records its outcome only; an unknown name (refused when a definition
 * is saved, so only a stale one) issues nothing either, rather than failing the leader's `resolve`.
 */
export function issuerOf(definition: Definition | undefined): ResultIssuer {
  if (!definition) return recordedOutcome;
  return ISSUERS.get(definition.result.issuer) ?? recordedOutcome;
}

/** The problems the dossier's result would meet at the decision, found at filing and at reception. */
export async function checkFilingForResult(
  db: Db,
  filing: FilingFacts,
  definition: Definition | undefined,
): Promise<FilingProblem[]> {
  const issuer = issuerOf(definition);
  return definition && issuer.checkFiling ? issuer.checkFiling(db, filing, definition) : [];
}

export { registerOperationOf } from './household-business-register';
export type {
  Db,
  Definition,
  FilingFacts,
  FilingProblem,
  IssueBase,
  IssuedDocument,
  IssueRequest,
  ResultDossier,
  ResultIssuer,
} from './issuer';
export { IssueRefusal } from './issuer';
