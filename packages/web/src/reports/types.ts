/** The report API's answers as the screens read them (packages/server/src/reports/reports.service.ts). */
export const RATE_KEYS = [
  'online',
  'onTime',
  'electronicResult',
  'digitization',
  'componentDigitization',
  'onlinePayment',
  'satisfaction',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export type TargetClass = 'met' | 'below' | 'none';
export type Era = 'old' | 'new';
export type Level = 'province' | 'district' | 'commune';

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
  rates: Record<RateKey, number | null>;
  ratesText: Record<RateKey, string>;
  targetClass?: TargetClass;
}

export interface Formula {
  label: string;
  numerator: string;
  denominator: string;
  source: string;
}

export interface IndicatorReport {
  period: { from: string; to: string; label: string };
  groupBy: 'unit' | 'procedure' | 'channel' | 'month' | 'agency';
  era: Era;
  level: Level;
  procedureGroup: { code: string; name: string } | null;
  target: { onlineRate: number; text: string; legalBasis: string; validFrom: string } | null;
  rows: IndicatorRow[];
  total: IndicatorRow;
  classification: Record<TargetClass, string[]> | null;
  formulas: Record<RateKey, Formula>;
}

export interface ReportSettings {
  groups: { code: string; name: string }[];
  targets: { groupCode: string; validFrom: string; validTo: string | null; onlineRate: number; legalBasis: string }[];
  phases: { code: string; name: string; from: string; to: string; source: string }[];
}

export interface PublicMonth {
  month: string;
  received: number;
  online: number;
  onlineRate: string;
  resolved: number;
  onTimeRate: string;
  electronicResultRate: string;
  onlinePaymentRate: string;
}

export interface PublicIndicators {
  year: number;
  months: PublicMonth[];
  total: PublicMonth;
}
