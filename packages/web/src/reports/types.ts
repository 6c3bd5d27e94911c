/**
 * The report API's answers as the screens read them. The indicator report itself is declared once in
 * the domain (indicator-report.ts) for the server and the screens.
 */
import type { Era, Level } from '@dvc/domain/indicator-report';

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

export interface PublicFigures {
  received: number;
  online: number;
  onlineRate: string;
  resolved: number;
  onTimeRate: string;
  electronicResultRate: string;
  onlinePaymentRate: string;
}

export interface PublicMonth extends PublicFigures {
  month: string;
}

export interface PublicIndicators {
  year: number;
  months: PublicMonth[];
  total: PublicMonth;
  /** By locality, for the year or the phase asked for (`phase` in the address). */
  localities: {
    scope: { kind: 'year' | 'phase'; code: string; name: string; from: string; to: string };
    era: Era;
    level: Level;
    rows: Array<PublicFigures & { key: string; name: string }>;
  };
  phases: Array<{ code: string; name: string; from: string; to: string; total: PublicFigures }>;
}
