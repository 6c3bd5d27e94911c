import { z } from 'zod';
import { OnlineLevel, ProcedureAuthority, ProcedureDefinition, ProcedureTopic } from '../procedures/procedure';

/** Answers of the procedure catalog (/api/v1/procedures, /api/v1/procedure-topics), for the server and the app. */

/** What a citizen pays on each channel today: counter (direct) and online (web or app). */
export const FeeAmountsView = z.object({
  kind: z.enum(['none', 'fixed']),
  counterAmount: z.number().int(),
  onlineAmount: z.number().int(),
  onlineReductionPercent: z.number().int(),
  payableAt: z.enum(['submission', 'result']).optional(),
});

export const ProcedureSummaryView = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  topic: ProcedureTopic,
  topicLabel: z.string(),
  onlineLevel: OnlineLevel,
  authority: ProcedureAuthority,
  legalDurationWorkingDays: z.number().int(),
  minimumNoticeWorkingDays: z.number().int().optional(),
  fee: FeeAmountsView,
  componentsCount: z.number().int(),
  interlinkGroup: z.string().optional(),
});

export const ProcedurePageView = z.object({
  items: z.array(ProcedureSummaryView),
  /** Matching procedures over all pages; the next page starts at offset + items.length. */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const ProcedureDetailView = z.object({
  ...ProcedureDefinition.shape,
  topicLabel: z.string(),
  feeAmounts: FeeAmountsView,
  /** Version of the definition served (a dossier keeps the version it was filed under). */
  version: z.number().int().positive(),
  /** The procedure as data (issue 12): its form is what the phone renders and the server validates. */
  definition: z.record(z.string(), z.unknown()),
});

export const TopicListView = z.object({
  items: z.array(z.object({ id: ProcedureTopic, label: z.string(), count: z.number().int() })),
});

export type FeeAmounts = z.infer<typeof FeeAmountsView>;
export type ProcedureSummary = z.infer<typeof ProcedureSummaryView>;
export type ProcedurePage = z.infer<typeof ProcedurePageView>;
export type ProcedureDetail = z.infer<typeof ProcedureDetailView>;
export type Topic = z.infer<typeof TopicListView>['items'][number];
