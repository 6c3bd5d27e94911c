import type { MessageKey } from '../i18n';
import type { IndicatorRow, RateKey } from './types';

/**
 * The columns of the indicator table, in the order of the province's report tables (seed 004: received
 * = carried over + new, by channel; resolved on time / overdue; in progress; withdrawn; digitized;
 * paid online), then the Decision 766 rates. A count's tooltip is its definition; a rate's tooltip is
 * the formula the server used (served with each report), with its denominator and legal source.
 */
export type CountKey = Exclude<
  keyof IndicatorRow,
  'key' | 'name' | 'rates' | 'ratesText' | 'targetClass' | 'targetProjection' | 'scorecard'
>;

export type Column =
  | { kind: 'count'; key: CountKey; label: MessageKey; tip: MessageKey; money?: boolean }
  | { kind: 'rate'; key: RateKey; label: MessageKey };

export interface ColumnGroup {
  label?: MessageKey;
  columns: Column[];
}

const c = (key: CountKey, money = false): Column => ({
  kind: 'count',
  key,
  label: `reports.col.${key}` as MessageKey,
  tip: `reports.tip.${key}` as MessageKey,
  money,
});
const r = (key: RateKey): Column => ({ kind: 'rate', key, label: `reports.rate.${key}` as MessageKey });

export const COLUMN_GROUPS: ColumnGroup[] = [
  { label: 'reports.group.received', columns: [c('carriedOver'), c('received')] },
  { label: 'reports.group.channel', columns: [c('direct'), c('web'), c('mobile'), c('phone'), c('online'), r('online')] },
  { label: 'reports.group.resolved', columns: [c('resolved'), c('resolvedOnTime'), c('resolvedOverdue'), c('apologised')] },
  { label: 'reports.group.open', columns: [c('inProgress'), c('inProgressOverdue')] },
  { columns: [c('withdrawn')] },
  { label: 'reports.group.digital', columns: [c('componentsDigitized'), c('resultsDigitized'), c('resultsElectronic')] },
  { label: 'reports.group.payment', columns: [c('paidOnlineCount'), c('paidOnlineAmount', true)] },
  {
    label: 'reports.group.rates',
    columns: [
      r('onTime'),
      r('electronicResult'),
      r('digitization'),
      r('componentDigitization'),
      r('onlinePayment'),
      r('satisfaction'),
      r('reuse'),
    ],
  },
];
