/** The catalog API's answers (packages/server/src/catalog/catalog.routes.ts), typed for the screens. */
export interface FeeAmounts {
  kind: 'none' | 'fixed';
  counterAmount: number;
  onlineAmount: number;
  onlineReductionPercent: number;
  payableAt?: 'submission' | 'result';
}

export interface ProcedureSummary {
  code: string;
  name: string;
  nameEn: string;
  topic: string;
  topicLabel: string;
  onlineLevel: 'full' | 'partial';
  legalDurationWorkingDays: number;
  fee: FeeAmounts;
  componentsCount: number;
}

export interface ProcedureComponent {
  id: string;
  name: string;
  /** The catalog's English name, when the definition gives one. */
  nameEn?: string;
  mandatory: boolean;
  accepts: string[];
  maxBytes: number;
  notes?: string;
  notesEn?: string;
}

/** A paper's name and note in the reader's language: the English ones when given, else the Vietnamese. */
export function componentText(c: Pick<ProcedureComponent, 'name' | 'nameEn' | 'notes' | 'notesEn'>, locale: 'vi' | 'en') {
  const en = locale === 'en';
  return { name: (en && c.nameEn) || c.name, notes: (en && c.notesEn) || c.notes };
}

export interface ProcedureDetail extends Omit<ProcedureSummary, 'fee' | 'componentsCount'> {
  authority: { from2025: 'province' | 'district' | 'commune' };
  minimumNoticeWorkingDays?: number;
  components: ProcedureComponent[];
  resultKind: 'certificate' | 'acknowledgement' | 'document' | 'card';
  feeAmounts: FeeAmounts;
  legalBasis: string[];
  /** Member of an interlinked group (liên thông) that can be filed as one. */
  interlinkGroup?: 'birth' | 'death';
  /** The version of the definition served: a draft and an outbox item remember it. */
  version?: number;
  /** The procedure as data (packages/domain/src/procedure-definition): its form is drawn from it. */
  definition?: unknown;
}

export interface Topic {
  id: string;
  label: string;
  count: number;
}

/**
 * A procedure is filed on its own in the app when its detail carries a definition, hence a form to
 * fill; a member of an interlinked group (its definition's `interlink`) is filed with its group.
 */
export function isFileable(p: Pick<ProcedureDetail, 'definition'>): boolean {
  const d = p.definition as { interlink?: unknown } | undefined | null;
  return d !== undefined && d !== null && typeof d === 'object' && d.interlink === undefined;
}

/** The part of a filing body that says which version of the definition the form was filled on (CONTRACT-12 §3). */
export function procedureVersionField(version: number | undefined): { procedureVersion?: number } {
  return version !== undefined ? { procedureVersion: version } : {};
}
