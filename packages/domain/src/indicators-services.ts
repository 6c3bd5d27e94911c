import { formatPercentOf } from './indicators';

/**
 * The figures a province's report gives about its online services besides the per-unit rates (issue
 * 17; seeds 003 and 004): procedures offered online at each level of service and how many of them had
 * dossiers, online dossiers of each level, and online payment counted per transaction and per
 * fee-bearing procedure. Pure: the catalog's procedures and the period's counts per procedure in.
 */

/** What an indicator shows while the data it needs does not exist yet: never a silent 0 or "—". */
export const NO_DATA_TEXT = 'chưa có dữ liệu';

/** Online service levels of Decree 42/2022/NĐ-CP: "toàn trình" (full) and "một phần" (partial). */
export type OnlineServiceLevel = 'full' | 'partial';

export interface CatalogProcedure {
  code: string;
  onlineLevel: OnlineServiceLevel;
}

/** One procedure's counts over the period (dossiers received in it). */
export interface ProcedureCounts {
  code: string;
  received: number;
  online: number;
  feeBearing: number;
  paidOnline: number;
}

export interface OnlineLevelFigures {
  /** Procedures offered online at this level (seed 004: 44 partial, 7 full of 51). */
  procedures: number;
  /** Of them, procedures that received a dossier in the period (seed 004: 9 partial, 1 full of 10). */
  withDossiers: number;
  /** Dossiers received in the period for these procedures, and of them those received online. */
  received: number;
  online: number;
  /** online ÷ received (seed 004: 205/205 partial, 13/13 full). */
  onlineText: string;
}

export interface PaymentFigures {
  paidOnline: number;
  feeBearing: number;
  text: string;
}

export interface OnlineServiceFigures {
  full: OnlineLevelFigures;
  partial: OnlineLevelFigures;
  /** Both levels together, plus dossiers of procedures the catalog no longer lists. */
  all: OnlineLevelFigures;
  /**
   * Seed 003 "28,71% thanh toán trực tuyến … trên tổng số giao dịch thanh toán": dossiers paid online
   * ÷ dossiers with a fee (each fee-bearing dossier is one payment transaction).
   */
  paymentByTransaction: PaymentFigures;
  /**
   * Seed 003 "68,37% thủ tục hành chính có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến":
   * procedures with at least one dossier paid online ÷ procedures with a fee-bearing dossier in the period.
   */
  paymentByProcedure: PaymentFigures;
}

function levelFigures(procedures: number, counts: ProcedureCounts[]): OnlineLevelFigures {
  const received = counts.reduce((s, c) => s + c.received, 0);
  const online = counts.reduce((s, c) => s + c.online, 0);
  return {
    procedures,
    withDossiers: counts.filter((c) => c.received > 0).length,
    received,
    online,
    onlineText: formatPercentOf(online, received),
  };
}

function payment(paidOnline: number, feeBearing: number): PaymentFigures {
  return { paidOnline, feeBearing, text: formatPercentOf(paidOnline, feeBearing) };
}

export function onlineServiceFigures(catalog: CatalogProcedure[], counts: ProcedureCounts[]): OnlineServiceFigures {
  const levelOf = new Map(catalog.map((p) => [p.code, p.onlineLevel]));
  const byCode = new Map<string, ProcedureCounts>();
  for (const c of counts) {
    const sum = byCode.get(c.code) ?? { code: c.code, received: 0, online: 0, feeBearing: 0, paidOnline: 0 };
    sum.received += c.received;
    sum.online += c.online;
    sum.feeBearing += c.feeBearing;
    sum.paidOnline += c.paidOnline;
    byCode.set(c.code, sum);
  }
  const summed = [...byCode.values()];
  const at = (level: OnlineServiceLevel) => summed.filter((c) => levelOf.get(c.code) === level);
  const offered = (level: OnlineServiceLevel) => catalog.filter((p) => p.onlineLevel === level).length;
  const unlisted = summed.filter((c) => !levelOf.has(c.code) && c.received > 0).length;
  const feeBearing = summed.filter((c) => c.feeBearing > 0);
  return {
    full: levelFigures(offered('full'), at('full')),
    partial: levelFigures(offered('partial'), at('partial')),
    all: levelFigures(catalog.length + unlisted, summed),
    paymentByTransaction: payment(
      summed.reduce((s, c) => s + c.paidOnline, 0),
      summed.reduce((s, c) => s + c.feeBearing, 0),
    ),
    paymentByProcedure: payment(feeBearing.filter((c) => c.paidOnline > 0).length, feeBearing.length),
  };
}
