/**
 * Indicators of Decision 766/QĐ-TTg of 23 Jun 2022 (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất
 * lượng phục vụ người dân, doanh nghiệp; five groups, 100 points), as the province applies them
 * (DOMAIN.md §7, seeds 003 and 004), plus the province's online targets (seeds 000 and 002).
 *
 * Every rate is `numerator ÷ denominator`; a zero denominator gives `null` ("không phát sinh"), never
 * 0% or 100%: a unit with no dossier has neither failed nor met anything. Pure functions, no I/O.
 */

/** A ratio in [0, 1], or null when nothing was there to measure. */
export type Rate = number | null;

function ratio(numerator: number, denominator: number): Rate {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/**
 * On-time rate (766/QĐ-TTg, group "Tiến độ giải quyết"; DOMAIN.md §7).
 * Numerator: dossiers finished on time in the period + dossiers still open at the period's end and
 * still within time (judged by `judgeTimeliness` in ./timeliness: more than one supplement request is
 * late, time awaiting a supplement does not count).
 * Denominator: dossiers received or processed in the period = finished in the period + still open at
 * its end (carried over + new − withdrawn). Withdrawn dossiers leave both sides: the citizen, not the
 * administration, ended them (seed 004 lists them apart: "công dân rút 03 hồ sơ").
 */
export function onTimeRate(finishedOnTime: number, openInTime: number, finished: number, open: number): Rate {
  return ratio(finishedOnTime + openInTime, finished + open);
}

/**
 * Online rate (766/QĐ-TTg, group "Dịch vụ công trực tuyến"; Công văn 5226/UBND-TTHC 13/10/2022).
 * Numerator: dossiers received online in the period (web + mobile, `isOnline` in ./channels).
 * Denominator: all dossiers received in the period (new, not carried over).
 * Seed 002 phase 3: 784 ÷ 801 = 97,88%.
 */
export function onlineRate(online: number, received: number): Rate {
  return ratio(online, received);
}

/**
 * Electronic-result rate (766/QĐ-TTg, group "Số hóa hồ sơ"; seed 003 "kết quả điện tử 25,8%").
 * Numerator: dossiers resolved in the period with an electronic result file.
 * Denominator: dossiers resolved in the period of procedures whose result is a document (all
 * procedures of the catalog issue one; refused and stopped dossiers have no result and are excluded).
 */
export function electronicResultRate(withElectronicResult: number, resolvedWithResult: number): Rate {
  return ratio(withElectronicResult, resolvedWithResult);
}

/**
 * Digitization rate (766/QĐ-TTg, group "Số hóa hồ sơ"; seed 003 "số hóa hồ sơ, kết quả 52,58%").
 * Numerator: dossiers finished in the period whose every component was digitized AND whose result
 * was digitized. Denominator: dossiers finished in the period. DOMAIN.md §7 says "÷ all dossiers";
 * finished dossiers are used because a result cannot be digitized before it exists (a dossier still
 * open would count as a failure it has not yet had the chance to avoid).
 */
export function digitizationRate(digitizedBoth: number, finished: number): Rate {
  return ratio(digitizedBoth, finished);
}

/**
 * Component digitization (seed 004: "số hóa đầy đủ thành phần hồ sơ 302 hồ sơ, đạt 97,42%"):
 * dossiers received in the period with every component digitized ÷ dossiers received in the period.
 */
export function componentDigitizationRate(fullyDigitized: number, received: number): Rate {
  return ratio(fullyDigitized, received);
}

/**
 * Online-payment rate per transaction (766/QĐ-TTg, group "Thanh toán trực tuyến"; seed 003 "28,71% thanh
 * toán trực tuyến … trên tổng số giao dịch thanh toán"). The per-procedure rate (seed 003's 68,37%) is
 * in ./indicators-services.
 * Numerator: dossiers received in the period and paid online.
 * Denominator: dossiers received in the period with a fee > 0 (zero fees, e.g. termination of a
 * household business, are excluded).
 */
export function onlinePaymentRate(paidOnline: number, feeBearing: number): Rate {
  return ratio(paidOnline, feeBearing);
}

/**
 * Reuse rate (766/QĐ-TTg, group "Số hóa hồ sơ"; DOMAIN.md §7; seed 003 "157 hồ sơ tái sử dụng … 0,04%"):
 * dossiers received in the period with at least one component reused from digitized data ÷ dossiers
 * received. `reused` is null while no such data is recorded: the rate is then unknown, not 0.
 */
export function reuseRate(reused: number | null, received: number): Rate {
  return reused === null ? null : ratio(reused, received);
}

/**
 * Satisfaction (766/QĐ-TTg, group "Mức độ hài lòng"): 100% − (overdue rate + complaint rate).
 * overdue rate = (finished late + open and late at the period's end) ÷ (finished + open), the
 * on-time rate's denominator; complaint rate = dossiers with a complaint ÷ the same denominator.
 * Floored at 0.
 */
export function satisfactionRate(overdue: number, complaints: number, finished: number, open: number): Rate {
  const d = finished + open;
  // One division of integers (not 1 − a/d): the float is then the nearest to the exact rate, which
  // formatPercentVi rounds exactly.
  return ratio(Math.max(0, d - overdue - complaints), d);
}

/** Target classes of Công văn 2200/VP-TTHC of 9 Dec 2022 (seed 000): its three lists. */
export type TargetClass = 'met' | 'below' | 'none';

/**
 * Seed 000: "cao hơn 30% so với chỉ tiêu" → met (online ÷ total ≥ target); "có phát sinh hồ sơ trực
 * tuyến nhưng tỷ lệ còn thấp" → below; "không phát sinh hồ sơ trực tuyến" → none. A unit with no
 * dossier at all has no online dossier either: none.
 */
export function classifyUnit(onlineCount: number, total: number, targetRate: number): TargetClass {
  if (onlineCount <= 0 || total <= 0) return 'none';
  // Compare in integers where possible: 30% of 50 must be met by exactly 15, not lost to 0.3 * 50 rounding.
  return onlineCount >= targetRate * total - 1e-9 ? 'met' : 'below';
}

/**
 * The one percent rounding of the platform (issue 17): `numerator ÷ denominator` as a percentage
 * scaled by 10^digits, rounded half-up (away from zero) exactly, in integers — 23/160 = 14,375% gives
 * 1438 hundredths (a float gives 14,374999…% and 1437). Every percent shown goes through it.
 */
function percentUnits(numerator: bigint, denominator: bigint, digits: number): bigint {
  const magnitude = numerator < 0n ? -numerator : numerator;
  // Half-up on the magnitude: floor((2·|n|·scale + d) / 2d).
  const q = (2n * magnitude * 100n * 10n ** BigInt(digits) + denominator) / (2n * denominator);
  return numerator < 0n ? -q : q;
}

/**
 * `numerator ÷ denominator` as Vietnamese percent text with `digits` decimals: 23/160 → "14,38%",
 * 1234,5 → "1.234,50%". A zero or negative denominator is "nothing to measure": "—".
 */
export function formatPercentOf(numerator: number | bigint, denominator: number | bigint, digits = 2): string {
  const d = BigInt(denominator);
  if (d <= 0n) return '—';
  const q = percentUnits(BigInt(numerator), d, digits);
  const text = (q < 0n ? -q : q).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${q < 0n ? '-' : ''}${whole}${digits > 0 ? `,${text.slice(text.length - digits)}` : ''}%`;
}

/** A rate as a rounded percentage number, for charts: 0.14375 → 14.38; null stays null. */
export function percentNumber(rate: Rate, digits = 2): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  const f = decimalFraction(rate);
  return Number(percentUnits(f.numerator, f.denominator, digits)) / 10 ** digits;
}

/**
 * A rate rounded as its percent text shows it, still as a ratio (for spreadsheets, whose own
 * formatting would round the raw float again): 0.14375 → 0.1438; null stays null.
 */
export function roundedRate(rate: Rate, digits = 2): Rate {
  if (rate === null || !Number.isFinite(rate)) return null;
  const f = decimalFraction(rate);
  return Number(percentUnits(f.numerator, f.denominator, digits)) / 10 ** (digits + 2);
}

/**
 * The exact decimal a number is written as (its shortest round-trip form), as integers: 0.14375 →
 * 14375 / 100000. A rate n/d whose percentage ends in an exact half terminates within a few digits,
 * so its shortest form is that decimal exactly: rounding it in integers is the rounding of n/d.
 */
function decimalFraction(value: number): { numerator: bigint; denominator: bigint } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`not a finite number: ${value}`);
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  let numerator = BigInt(`${m[2]}${fraction}`) * (m[1] === '-' ? -1n : 1n);
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  return { numerator, denominator };
}

/** Percent the Vietnamese way: 0.978776 → "97,88%"; null → "—" (nothing to measure). */
export function formatPercentVi(rate: Rate, digits = 2): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const f = decimalFraction(rate);
  return formatPercentOf(f.numerator, f.denominator, digits);
}

// ---------------------------------------------------------------------------------------------
// Periods. A period is a half-open range of Vietnam calendar days [from, to), written YYYY-MM-DD,
// and the matching instants (Vietnam is UTC+7 all year, no daylight saving).

export interface Period {
  /** First day, Vietnam local, inclusive. */
  from: string;
  /** Day after the last day, Vietnam local, exclusive. */
  to: string;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a Vietnam calendar day starts (00:00 at UTC+7). */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS);
}

/** Instants of a period: [start, end). */
export function periodInstants(p: Period): { start: Date; end: Date } {
  return { start: vietnamDayStart(p.from), end: vietnamDayStart(p.to) };
}

/** Days `from`..`to` both inclusive, as official reports write them ("từ 01/11 đến 30/11"). */
export function rangePeriod(from: string, toInclusive: string): Period {
  return { from, to: addDays(toInclusive, 1) };
}

/** Month `YYYY-MM`. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** Quarter 1..4 of a year. */
export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const m = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(m).padStart(2, '0')}-01`;
  const to = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(m + 3).padStart(2, '0')}-01`;
  return { from, to };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** A named phase (e.g. the pilot's three phases, seed 002), stored as data with inclusive dates. */
export interface NamedPhase {
  code: string;
  name: string;
  from: string;
  toInclusive: string;
}

export function phasePeriod(phase: NamedPhase): Period {
  return rangePeriod(phase.from, phase.toInclusive);
}

/** Months `YYYY-MM` a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let m = p.from.slice(0, 7);
  while (`${m}-01` < p.to) {
    out.push(m);
    m = monthPeriod(m).to.slice(0, 7);
  }
  return out;
}

/**
 * Parses a period spec: `2022-11` (month), `2023-Q1` (quarter), `2023` (year), or an explicit range
 * given apart (from/to). Returns undefined when the text is none of these.
 */
export function parsePeriodSpec(spec: string): Period | undefined {
  if (/^\d{4}$/.test(spec)) return yearPeriod(Number(spec));
  const q = /^(\d{4})-Q([1-4])$/.exec(spec);
  if (q) return quarterPeriod(Number(q[1]), Number(q[2]) as 1 | 2 | 3 | 4);
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(spec)) return monthPeriod(spec);
  return undefined;
}
