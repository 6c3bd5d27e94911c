/**
 * When a unit below its online target would reach it if its trend went on (issue 17: "projected date of
 * reaching a target … from its trend, shown beside the lists"). The trend is the least-squares line
 * through the unit's monthly online rates, each month weighted by its dossiers received (a month of 2
 * dossiers says less than a month of 200). Pure: months in, a month out.
 */

export interface MonthlyCounts {
  /** `YYYY-MM` */
  month: string;
  online: number;
  received: number;
}

export type ProjectionReason = 'too_few_months' | 'not_rising' | 'too_far';

export interface TargetProjection {
  /** The first month the trend line reaches the target, `YYYY-MM`; null when it will not (see `reason`). */
  month: string | null;
  reason: ProjectionReason | null;
  /** Months with dossiers the line was fitted on. */
  months: number;
  /** Change of the online rate per month on the line (0.05 = 5 points a month); null under 2 months. */
  slopePerMonth: number | null;
}

/** A trend needs at least this many months with dossiers to be a trend. */
export const MIN_TREND_MONTHS = 3;
/** Beyond five years a straight line says nothing: the projection is "too far". */
export const MAX_PROJECTION_MONTHS = 60;

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * @param lastMonth the period's last month: the projection is a month after it.
 * @param target the online-rate target in [0, 1].
 */
export function projectTargetMonth(history: MonthlyCounts[], target: number, lastMonth: string): TargetProjection {
  const points = history.filter((p) => p.received > 0 && index(p.month) <= index(lastMonth));
  if (points.length < MIN_TREND_MONTHS) {
    return { month: null, reason: 'too_few_months', months: points.length, slopePerMonth: null };
  }
  let w = 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    w += p.received;
    sx += p.received * index(p.month);
    sy += p.online;
  }
  const mx = sx / w;
  const my = sy / w;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    const dx = index(p.month) - mx;
    sxy += p.received * dx * (p.online / p.received - my);
    sxx += p.received * dx * dx;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const base = { months: points.length, slopePerMonth: slope };
  if (slope <= 0) return { ...base, month: null, reason: 'not_rising' };
  // First whole month at or after the crossing, never before the month after the period.
  const crossing = mx + (target - my) / slope;
  const next = index(lastMonth) + 1;
  const at = Math.max(next, Math.ceil(crossing - 1e-9));
  if (at - index(lastMonth) > MAX_PROJECTION_MONTHS) return { ...base, month: null, reason: 'too_far' };
  return { ...base, month: monthOf(at), reason: null };
}
