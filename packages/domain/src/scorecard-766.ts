import { formatPercentVi, type Rate } from './indicators';

/**
 * The scorecard of Decision 766/QĐ-TTg of 23 Jun 2022 (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất
 * lượng phục vụ người dân, doanh nghiệp): five groups of indicators, 100 points, per unit.
 *
 * The groups and their points are data (`DECISION_766_GROUPS`). Their points are the Decision's
 * appendix as published on the national portal's index page (18 + 20 + 22 + 18 + 22); they are not in
 * the seeds nor in DOMAIN.md, so they carry `pointsVerified: false` until checked against the signed
 * text, and the screen says so. The Decision scores each indicator by its own scale; DVC has the
 * rates, not those scales, so a group's score is its points × the mean of the rates it has data for
 * (each in [0, 1]), and every input is shown beside the score. An input with no data is left out of
 * the mean (never counted as 0); a group with no input at all has no score, and the total is then out
 * of the points that could be scored. Pure functions, no I/O.
 */

/** The scorecard's inputs: the report's rates, and the share of dossiers published to the national portal. */
export const SCORECARD_INPUT_KEYS = [
  'portalSync',
  'onTime',
  'online',
  'onlinePayment',
  'satisfaction',
  'electronicResult',
  'digitization',
  'componentDigitization',
  'reuse',
] as const;
export type ScorecardInputKey = (typeof SCORECARD_INPUT_KEYS)[number];

export type ScorecardGroupKey = 'transparency' | 'progress' | 'onlineService' | 'satisfaction' | 'digitization';

export interface ScorecardGroupDefinition {
  key: ScorecardGroupKey;
  label: string;
  points: number;
  inputs: readonly ScorecardInputKey[];
}

export const DECISION_766_SOURCE = 'Phụ lục Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ';

/** Whether the groups' points have been checked against the Decision's signed text (see above). */
export const DECISION_766_POINTS_VERIFIED = false;

export const DECISION_766_GROUPS: readonly ScorecardGroupDefinition[] = [
  { key: 'transparency', label: 'Công khai, minh bạch', points: 18, inputs: ['portalSync'] },
  { key: 'progress', label: 'Tiến độ giải quyết', points: 20, inputs: ['onTime'] },
  { key: 'onlineService', label: 'Dịch vụ công trực tuyến', points: 22, inputs: ['online', 'onlinePayment'] },
  { key: 'satisfaction', label: 'Mức độ hài lòng', points: 18, inputs: ['satisfaction'] },
  {
    key: 'digitization',
    label: 'Số hóa hồ sơ',
    points: 22,
    inputs: ['electronicResult', 'digitization', 'componentDigitization', 'reuse'],
  },
];

export interface ScorecardInput {
  key: ScorecardInputKey;
  rate: Rate;
  /** "97,88%", or "chưa có dữ liệu" when there was nothing to measure. */
  text: string;
}

export interface ScorecardGroup {
  key: ScorecardGroupKey;
  label: string;
  points: number;
  /** Points earned, 2 decimals; null when none of the group's inputs has data. */
  score: number | null;
  inputs: ScorecardInput[];
}

export interface Scorecard {
  groups: ScorecardGroup[];
  /** Sum of the groups that have a score; null when none has. */
  total: number | null;
  /** Points of the groups that have a score (100 when every group has data). */
  outOf: number;
}

const NO_DATA = 'chưa có dữ liệu';

/** Half-up to 2 decimals, in integers (a score like 17.125 must show 17,13, not the float's 17,12). */
function roundScore(value: number): number {
  return Math.round(Math.round(value * 1e6) / 1e4) / 100;
}

function clamp(rate: number): number {
  return Math.min(1, Math.max(0, rate));
}

export function scorecard(
  rates: Partial<Record<ScorecardInputKey, Rate>>,
  groups: readonly ScorecardGroupDefinition[] = DECISION_766_GROUPS,
): Scorecard {
  let total: number | null = null;
  let outOf = 0;
  const out = groups.map((g): ScorecardGroup => {
    const inputs = g.inputs.map((key): ScorecardInput => {
      const rate = rates[key] ?? null;
      return { key, rate, text: rate === null ? NO_DATA : formatPercentVi(rate) };
    });
    const known = inputs.flatMap((i) => (i.rate === null || !Number.isFinite(i.rate) ? [] : [clamp(i.rate)]));
    const score = known.length ? roundScore((g.points * known.reduce((a, b) => a + b, 0)) / known.length) : null;
    if (score !== null) {
      total = roundScore((total ?? 0) + score);
      outOf += g.points;
    }
    return { key: g.key, label: g.label, points: g.points, score, inputs };
  });
  return { groups: out, total, outOf };
}

/** "85,50/100 điểm", "40,00/40 điểm", or "chưa có dữ liệu". */
export function formatScore(card: Pick<Scorecard, 'total' | 'outOf'>): string {
  if (card.total === null) return NO_DATA;
  return `${card.total.toFixed(2).replace('.', ',')}/${card.outOf} điểm`;
}
