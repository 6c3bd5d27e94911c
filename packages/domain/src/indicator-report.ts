import type { Rate, TargetClass } from './indicators';
import type { OnlineServiceFigures } from './indicators-services';
import type { TargetProjection } from './indicators-trend';
import type { Scorecard } from './scorecard-766';

/**
 * The shape of an indicator report as the server builds it (packages/server/src/reports) and the
 * reports screens read it (packages/web/src/reports): one declaration for both sides. Types only.
 */
export const RATE_KEYS = [
  'online',
  'onTime',
  'electronicResult',
  'digitization',
  'componentDigitization',
  'onlinePayment',
  'satisfaction',
  'reuse',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

/** Administrative units before the 1 Jul 2025 rearrangement ('old') or after ('new'). */
export type Era = 'old' | 'new';
export type Level = 'province' | 'district' | 'commune';
export type ReportDimension = 'unit' | 'procedure' | 'channel' | 'agency' | 'month';

export interface Formula {
  label: string;
  numerator: string;
  denominator: string;
  source: string;
}

export interface IndicatorRow {
  key: string;
  name: string;
  carriedOver: number;
  received: number;
  direct: number;
  web: number;
  mobile: number;
  phone: number;
  online: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  inProgress: number;
  inProgressOverdue: number;
  withdrawn: number;
  apologised: number;
  componentsDigitized: number;
  resultsDigitized: number;
  resultsElectronic: number;
  paidOnlineCount: number;
  paidOnlineAmount: number;
  rates: Record<RateKey, Rate>;
  ratesText: Record<RateKey, string>;
  /** Dossiers received whose state is published on the national portal, of those DVC queued (portal-sync). */
  publishedOnPortal: number;
  publishableOnPortal: number;
  /** Decision 766's five groups and 100 points, each input shown (scorecard-766.ts). */
  scorecard: Scorecard;
  targetClass?: TargetClass;
  /** For a unit below the target: when its last 12 months' trend reaches it (indicators-trend.ts). */
  targetProjection?: TargetProjection;
}

export interface IndicatorReport {
  period: { from: string; to: string; label: string };
  groupBy: ReportDimension;
  era: Era;
  level: Level;
  procedureGroup: { code: string; name: string } | null;
  target: { onlineRate: number; text: string; legalBasis: string; validFrom: string } | null;
  rows: IndicatorRow[];
  total: IndicatorRow;
  classification: Record<TargetClass, string[]> | null;
  formulas: Record<RateKey, Formula>;
  /**
   * Totals by the level of the unit that received the dossiers (seed 003: "Cấp tỉnh 44.016/84.374 …
   * cấp huyện 4.541/16.697 … cấp xã 43.316/216.130"), keyed by level; `unknown` for a unit not in the register.
   */
  levels: IndicatorRow[];
  /**
   * Procedures offered online, with dossiers, online dossiers by service level, online payment (seeds
   * 003, 004). Null (and `levels` empty) when the caller asked for the rows only (`figures=false`).
   */
  onlineServices: OnlineServiceFigures | null;
  /** Rates whose data does not exist yet, with why: shown as "chưa có dữ liệu", never as 0. */
  unavailable: Partial<Record<RateKey, string>>;
  /** The interlinked groups' filings (seed 004: 09/09, 01/01); empty when the rows alone were asked for. */
  interlinked: InterlinkedFigures[];
}

/** One interlinked group's filings in a period: each filing counts once, whatever its members. */
export interface InterlinkedFigures {
  key: string;
  title: string;
  received: number;
  online: number;
  finished: number;
  /** online ÷ received as "100,00%", or "—" without a filing. */
  onlineText: string;
}
