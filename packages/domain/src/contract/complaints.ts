import { z } from 'zod';

/** Answers of the complaint and recommendation routes (phản ánh, kiến nghị), for the server and the app. */

export const ComplaintView = z.object({
  code: z.string(),
  kind: z.enum(['complaint', 'recommendation']),
  dossierCode: z.string().nullable(),
  procedureCode: z.string().nullable(),
  agencyCode: z.string(),
  agencyName: z.string(),
  subject: z.string(),
  content: z.string(),
  attachments: z.array(z.object({ sha256: z.string(), name: z.string(), url: z.string() })),
  status: z.enum(['open', 'answered']),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  /** For the desk: who filed it, and whether this officer may answer. */
  citizenName: z.string().optional(),
  citizenPhone: z.string().nullable().optional(),
  canAnswer: z.boolean().optional(),
});

/** GET /api/v1/complaints (the citizen's own) and /api/v1/officer/complaints (the desk's). */
export const ComplaintListView = z.object({ items: z.array(ComplaintView) });

export type Complaint = z.infer<typeof ComplaintView>;
