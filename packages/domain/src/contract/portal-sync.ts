import { z } from 'zod';

/** Answers of the administrators' portal-sync routes (/api/v1/admin/portal-sync), for the server and the app. */

const MessageView = z.object({
  messageId: z.string(),
  dossierCode: z.string(),
  seq: z.number(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
});

/** GET /api/v1/admin/portal-sync: counts by state, the oldest waiting, the recent failures and the pending messages. */
export const PortalSyncView = z.object({
  target: z.string(),
  counts: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }),
  oldestPendingAt: z.string().nullable(),
  failures: z.array(MessageView),
  pending: z.array(MessageView),
});

export const PortalSyncRequeuedView = z.object({ requeued: z.number() });

export type PortalSync = z.infer<typeof PortalSyncView>;
