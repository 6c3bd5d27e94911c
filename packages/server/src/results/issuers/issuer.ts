import type { procedureDefinitions } from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AgencyHeading, Signer } from '../../documents/types';
import type { DossierRow } from '../../dossiers/index';
import type { ResultKind, ResultSummary } from '../results.tables';

/**
 * What every issuer module provides (issue 12: special behaviour plugs in by name). A procedure's
 * definition names its issuer (`result.issuer`) and the document it prints (`result.template`); the
 * results capability dispatches on those names only, never on a procedure code.
 */

export type Definition = procedureDefinitions.ProcedureDefinition;
export type Db = Kysely<Database>;

/** What an issuer reads of a dossier. */
export type ResultDossier = Pick<
  DossierRow,
  | 'id'
  | 'code'
  | 'provinceCode'
  | 'procedureCode'
  | 'procedureVersion'
  | 'agencyCode'
  | 'unitCode'
  | 'form'
  | 'applicantPhone'
  | 'receivedAt'
  | 'submittedAt'
>;

/** What every result of a dossier shares: who issues it, when, its QR target. */
export interface IssueBase {
  agency: AgencyHeading;
  issuerName: string;
  dossierCode: string;
  issuedAt: Date;
  publicUrl: string;
  verificationCode: string;
  signer: Signer;
}

export interface IssueRequest {
  base: IssueBase;
  dossier: ResultDossier;
  definition: Definition;
}

export interface IssuedDocument {
  kind: ResultKind;
  buffer: Buffer;
  summary: ResultSummary;
  householdBusinessId: string | null;
}

export type RefusalReason = 'not_found' | 'name_taken' | 'other_authority' | 'terminated';

/** A refusal found inside the issuing transaction: thrown to roll it back, reported as a value by the caller. */
export class IssueRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/** A filing as the issuer checks it: before it is written (no `self`) or at its reception. */
export interface FilingFacts {
  provinceCode: string;
  agencyCode: string;
  form: Record<string, unknown>;
  /** At reception: the dossier itself; only dossiers filed before it count against it. */
  self?: { dossierId: string; code: string; submittedAt: Date };
}

/** `field`: a path inside the form ("businessName", "changes.businessName"). */
export interface FilingProblem {
  field: string;
  message: string;
}

export interface ResultIssuer {
  /** The name a definition's `result.issuer` gives. */
  name: string;
  /** The templates it prints; absent: any template name, printed with its one generic layout. */
  templates?: readonly string[];
  /**
   * The objection to issuing the result of this approved dossier now (read-only, for the leader
   * before `resolve`), or undefined. `issue` checks again inside its transaction (races).
   */
  precheck(db: Db, dossier: ResultDossier, definition: Definition): Promise<string | undefined>;
  /**
   * What the result could not be issued for, found at filing (and again at reception) rather than at
   * the leader's last step: the problems, each on its form field (relative to the form). Absent:
   * nothing to check before the decision.
   */
  checkFiling?(db: Db, filing: FilingFacts, definition: Definition): Promise<FilingProblem[]>;
  /**
   * Inside the issuing transaction: changes what the procedure changes (the register) and renders the
   * document. null: this issuer records the decision only (no document). Throws IssueRefusal.
   */
  issue(trx: Db, request: IssueRequest): Promise<IssuedDocument | null>;
}

/** The top-level field keys of a definition's form. */
export function topLevelFieldKeys(definition: Definition): Set<string> {
  return new Set(definition.form.steps.flatMap((step) => step.fields.map((f) => f.key)));
}
