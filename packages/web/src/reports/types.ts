/**
 * The report API's answers as the screens read them. The indicator report itself is declared once in
 * the domain (indicator-report.ts) for the server and the screens.
 */

export {
  type Era,
  type Formula,
  type IndicatorReport,
  type IndicatorRow,
  type Level,
  RATE_KEYS,
  type RateKey,
} from '@dvc/domain/indicator-report';
export type { TargetClass } from '@dvc/domain/indicators';

export interface ReportSettings {
  groups: { code: string; name: string }[];
  targets: { groupCode: string; validFrom: string; validTo: string | null; onlineRate: number; legalBasis: string }[];
  phases: { code: string; name: string; from: string; to: string; source: string }[];
}

/** The public page's answer is the contract's (the server answers with the same schema). */
export type { PublicAnswer as PublicIndicators, PublicFigures } from '@dvc/domain/contract/reports';
