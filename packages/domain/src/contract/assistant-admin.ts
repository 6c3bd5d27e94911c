import { z } from 'zod';

/** Answers of the assistant's administration routes (/api/v1/admin/assistant), for the server and the app. */

export const FaqEntryView = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  procedureCode: z.string().nullable(),
  createdAt: z.string(),
});

export const FaqListView = z.object({ items: z.array(FaqEntryView) });

/** The questions the assistant declined, masked, most asked first. */
export const UnansweredListView = z.object({
  items: z.array(z.object({ question: z.string(), count: z.number().int(), lastAskedAt: z.string() })),
});

export type FaqEntry = z.infer<typeof FaqEntryView>;
export type Unanswered = z.infer<typeof UnansweredListView>['items'][number];
