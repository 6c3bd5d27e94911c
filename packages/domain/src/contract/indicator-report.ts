import { z } from 'zod';
import type { IndicatorReport } from '../indicator-report';
import { RATE_KEYS } from '../indicator-report';
import { SCORECARD_INPUT_KEYS } from '../scorecard-766';

/**
 * GET /api/v1/reports/indicators: the indicator report as a schema, for the server's answer and the
 * report screens. The report's builder is typed by the domain's declaration (indicator-report.ts); the
 * check at the end of this file keeps the two the same shape.
 */

const Rate = z.number().nullable();
const Rates = z.object(Object.fromEntries(RATE_KEYS.map((k) => [k, Rate])) as Record<(typeof RATE_KEYS)[number], typeof Rate>);
const RatesText = z.object(
  Object.fromEntries(RATE_KEYS.map((k) => [k, z.string()])) as Record<(typeof RATE_KEYS)[number], z.ZodString>,
);
const TargetClass = z.enum(['met', 'below', 'none']);

const Scorecard = z.object({
  groups: z.array(
    z.object({
      key: z.enum(['transparency', 'progress', 'onlineService', 'satisfaction', 'digitization']),
      label: z.string(),
      points: z.number(),
      score: z.number().nullable(),
      inputs: z.array(z.object({ key: z.enum(SCORECARD_INPUT_KEYS), rate: Rate, text: z.string() })),
    }),
  ),
  total: z.number().nullable(),
  outOf: z.number(),
});

export const IndicatorRowView = z.object({
  key: z.string(),
  name: z.string(),
  carriedOver: z.number(),
  received: z.number(),
  direct: z.number(),
  web: z.number(),
  mobile: z.number(),
  phone: z.number(),
  online: z.number(),
  resolved: z.number(),
  resolvedOnTime: z.number(),
  resolvedOverdue: z.number(),
  inProgress: z.number(),
  inProgressOverdue: z.number(),
  withdrawn: z.number(),
  apologised: z.number(),
  componentsDigitized: z.number(),
  resultsDigitized: z.number(),
  resultsElectronic: z.number(),
  paidOnlineCount: z.number(),
  paidOnlineAmount: z.number(),
  rates: Rates,
  ratesText: RatesText,
  publishedOnPortal: z.number(),
  publishableOnPortal: z.number(),
  scorecard: Scorecard,
  targetClass: TargetClass.optional(),
  targetProjection: z
    .object({
      month: z.string().nullable(),
      reason: z.enum(['too_few_months', 'not_rising', 'too_far']).nullable(),
      months: z.number(),
      slopePerMonth: z.number().nullable(),
    })
    .optional(),
});

const Formula = z.object({ label: z.string(), numerator: z.string(), denominator: z.string(), source: z.string() });
const LevelFigures = z.object({
  procedures: z.number(),
  withDossiers: z.number(),
  received: z.number(),
  online: z.number(),
  onlineText: z.string(),
});
const PaymentFigures = z.object({ paidOnline: z.number(), feeBearing: z.number(), text: z.string() });

export const IndicatorReportView = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  groupBy: z.enum(['unit', 'procedure', 'channel', 'agency', 'month']),
  era: z.enum(['old', 'new']),
  level: z.enum(['province', 'district', 'commune']),
  procedureGroup: z.object({ code: z.string(), name: z.string() }).nullable(),
  target: z.object({ onlineRate: z.number(), text: z.string(), legalBasis: z.string(), validFrom: z.string() }).nullable(),
  rows: z.array(IndicatorRowView),
  total: IndicatorRowView,
  classification: z.object({ met: z.array(z.string()), below: z.array(z.string()), none: z.array(z.string()) }).nullable(),
  formulas: z.object(
    Object.fromEntries(RATE_KEYS.map((k) => [k, Formula])) as Record<(typeof RATE_KEYS)[number], typeof Formula>,
  ),
  levels: z.array(IndicatorRowView),
  onlineServices: z
    .object({
      full: LevelFigures,
      partial: LevelFigures,
      all: LevelFigures,
      paymentByTransaction: PaymentFigures,
      paymentByProcedure: PaymentFigures,
    })
    .nullable(),
  unavailable: z.partialRecord(z.enum(RATE_KEYS), z.string()),
  interlinked: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      received: z.number(),
      online: z.number(),
      finished: z.number(),
      onlineText: z.string(),
    }),
  ),
});
export type IndicatorReportAnswer = z.infer<typeof IndicatorReportView>;

// The schema and the builder's declaration are the same shape, both ways (a drift fails the type check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<IndicatorReportAnswer, IndicatorReport> = true;
void sameShape;
