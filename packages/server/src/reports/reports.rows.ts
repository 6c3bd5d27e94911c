import { type IndicatorRow, RATE_KEYS, type RateKey } from '@dvc/domain/indicator-report';
import {
  componentDigitizationRate,
  digitizationRate,
  electronicResultRate,
  formatPercentVi,
  onlinePaymentRate,
  onlineRate,
  onTimeRate,
  type Rate,
  reuseRate,
  satisfactionRate,
} from '@dvc/domain/indicators';
import { NO_DATA_TEXT } from '@dvc/domain/indicators-services';
import { scorecard } from '@dvc/domain/scorecard-766';
import { type CountRow, NUMERIC_KEYS } from './reports.repository';

/** One row of a report (counts and Decision 766 rates) from a group's counts. */

/**
 * Rates the platform has no data for yet, and why (issue 17): the report shows "chưa có dữ liệu" for
 * them. The reuse rate waits for the first reuse the document store records (issue 18: until then
 * no count says anything); complaints already come from the feedback capability (satisfaction).
 */
export const UNAVAILABLE: Partial<Record<RateKey, string>> = {
  reuse: 'Hệ thống chưa ghi nhận việc dùng lại giấy tờ, dữ liệu đã số hóa khi tiếp nhận hồ sơ',
};

export function emptyCounts(key: string): CountRow {
  const r = { key, oldEra: false } as CountRow;
  for (const k of NUMERIC_KEYS) r[k] = 0;
  return r;
}

export function addInto(target: CountRow, r: CountRow): void {
  for (const k of NUMERIC_KEYS) target[k] += r[k];
  if (r.reuseKnown) target.reuseKnown = true;
}

export function toIndicatorRow(key: string, name: string, c: CountRow): IndicatorRow {
  const online = c.web + c.mobile;
  const open = c.carried + c.received - c.finished - c.withdrawn;
  const inTime = open - c.overdueOpen;
  const overdueFinished = c.finished - c.finishedOnTime;
  const rates: Record<RateKey, Rate> = {
    online: onlineRate(online, c.received),
    onTime: onTimeRate(c.finishedOnTime, inTime, c.finished, open),
    electronicResult: electronicResultRate(c.resultElectronic, c.resolved),
    digitization: digitizationRate(c.digitizedBoth, c.finished),
    componentDigitization: componentDigitizationRate(c.componentsDigitized, c.received),
    onlinePayment: onlinePaymentRate(c.paidOnline, c.feeBearing),
    satisfaction: satisfactionRate(overdueFinished + c.overdueOpen, c.complained, c.finished, open),
    reuse: reuseRate(c.reuseKnown ? c.reused : null, c.received),
  };
  const published = c.portalQueued > 0 ? c.portalSynced / c.portalQueued : null;
  const unknown = (k: RateKey) => (k === 'reuse' ? !c.reuseKnown : k in UNAVAILABLE);
  const ratesText = Object.fromEntries(
    RATE_KEYS.map((k) => [k, unknown(k) ? NO_DATA_TEXT : formatPercentVi(rates[k])]),
  ) as Record<RateKey, string>;
  return {
    key,
    name,
    carriedOver: c.carried,
    received: c.received,
    direct: c.direct,
    web: c.web,
    mobile: c.mobile,
    phone: c.phone,
    online,
    resolved: c.finished,
    resolvedOnTime: c.finishedOnTime,
    resolvedOverdue: overdueFinished,
    inProgress: open,
    inProgressOverdue: c.overdueOpen,
    withdrawn: c.withdrawn,
    apologised: c.apologised,
    componentsDigitized: c.componentsDigitized,
    resultsDigitized: c.resultDigitized,
    resultsElectronic: c.resultElectronic,
    paidOnlineCount: c.paidOnline,
    paidOnlineAmount: c.paidAmount,
    rates,
    ratesText,
    publishedOnPortal: c.portalSynced,
    publishableOnPortal: c.portalQueued,
    scorecard: scorecard({ ...rates, reuse: c.reuseKnown ? rates.reuse : null, portalSync: published }),
  };
}
