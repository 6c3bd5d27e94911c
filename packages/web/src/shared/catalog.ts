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
  mandatory: boolean;
  accepts: string[];
  maxBytes: number;
  notes?: string;
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
}

export interface Topic {
  id: string;
  label: string;
  count: number;
}

/** The four procedures of the pilot: they can be filed in the app today. */
export const FILEABLE = new Set(['1.001612', '2.000720', '1.001266', 'QNG-TB-KHUYEN-MAI']);
