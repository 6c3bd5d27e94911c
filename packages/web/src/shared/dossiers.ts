import type { DossierState } from '@dvc/domain/dossier/states';
import { dataLabel, type Locale } from '../i18n';

/** Shapes of docs/api/dossiers.md. `states.ts` is imported by path: the domain index would pull zod into the first load. */
export interface DossierSummary {
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureNameEn?: string;
  applicantName: string;
  channel: string;
  status: DossierState;
  statusLabel: string;
  submittedAt: string;
  receivedAt?: string;
  dueAt?: string;
  finishedAt?: string;
  overdue: boolean;
  dueSoon: boolean;
  groupCode?: string | null;
}

export interface DossierDetail extends DossierSummary {
  /** The due date once received; before that the date the filing answer gave. */
  expectedDueAt: string | null;
  /** The percent by which filing online shortened the time, or null. */
  onlineReductionPercent: number | null;
  attachments: { componentId: string; componentName: string; componentNameEn?: string; fileId: string; fileName: string }[];
  delivery: string;
  feeAmount: number;
  paidOnline: boolean;
  timeline: {
    at: string;
    from?: DossierState;
    to: DossierState;
    event: string;
    eventLabel: string;
    actorRole: string;
    note?: string;
  }[];
  documents: { kind: string; title: string; url: string }[];
  availableEvents: string[];
}

export function stateLabel(state: DossierState, locale: Locale): string {
  return dataLabel(locale, 'state', state, state);
}

/** Colour family of a state's badge. */
export function stateTone(state: DossierState): 'info' | 'warn' | 'ok' | 'bad' {
  if (state === 'supplement_requested' || state === 'financial_obligation_requested') return 'warn';
  if (state === 'resolved' || state === 'returned') return 'ok';
  if (state === 'not_received' || state === 'stopped' || state === 'withdrawn') return 'bad';
  return 'info';
}
