import { dataLabel, type Locale } from '../i18n';

/** The answers' shapes are the contract's (docs/api/dossiers.md); `states.ts` and the contract are imported by path, not through the domain index. */
export type { DossierDetail, DossierSummary } from '@dvc/domain/contract/dossiers';

export function stateLabel(state: string, locale: Locale): string {
  return dataLabel(locale, 'state', state, state);
}

/** Colour family of a state's badge. */
export function stateTone(state: string): 'info' | 'warn' | 'ok' | 'bad' {
  if (state === 'supplement_requested' || state === 'financial_obligation_requested') return 'warn';
  if (state === 'resolved' || state === 'returned') return 'ok';
  if (state === 'not_received' || state === 'stopped' || state === 'withdrawn') return 'bad';
  return 'info';
}
