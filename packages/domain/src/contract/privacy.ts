import { z } from 'zod';

/**
 * Answers of the personal-data routes (issue 20: the notice before filing, the access log, the data
 * subject's requests), for the server and the app.
 */

const Text = z.object({ vi: z.string(), en: z.string() });

/** GET /api/v1/privacy/notices/procedures/:code: what is collected, why, by whom, for how long. */
export const ProcedureNoticeView = z.object({
  procedureCode: z.string(),
  procedureName: Text,
  controller: z.array(Text),
  purpose: Text,
  legalBasis: z.array(z.string()),
  collected: z.array(z.string()),
  papers: z.array(z.string()),
  recipients: z.array(Text),
  retention: z.object({ keepDays: z.number().int(), action: z.string(), legalBasis: z.string() }),
});

/** GET /api/v1/privacy/reads: which agency read my records and when (officers are not named). */
export const CitizenReadListView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      agencyCode: z.string(),
      agencyName: z.string(),
      recordType: z.string(),
      dossierCode: z.string().nullable(),
    }),
  ),
});

const RECORD_TYPES = [
  'dossier',
  'dossier_document',
  'dossier_result',
  'attachment',
  'complaint_attachment',
  'dossier_list',
  'complaint_list',
  'register',
  'household_business_list',
] as const;

/** GET /api/v1/admin/privacy/reads: officers' reads from the access log. */
export const OfficerReadListView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      officerId: z.string(),
      officerName: z.string().nullable(),
      agencyCode: z.string(),
      recordType: z.enum(RECORD_TYPES).or(z.string()),
      recordId: z.string(),
      dossierCode: z.string().nullable(),
      subjectId: z.string().nullable(),
      route: z.string(),
      screen: z.string().nullable(),
    }),
  ),
});

/** GET /api/v1/admin/privacy/reads/by-officer: each officer's reads and people read in a period. */
export const ReadsPerOfficerView = z.object({
  items: z.array(
    z.object({
      officerId: z.string(),
      officerName: z.string().nullable(),
      reads: z.number().int(),
      people: z.number().int(),
      lastAt: z.string(),
    }),
  ),
});

/** A data subject's request to correct or delete their data, as its author sees it. */
export const SubjectRequestView = z.object({
  code: z.string(),
  kind: z.enum(['correction', 'deletion']),
  detail: z.string(),
  status: z.enum(['open', 'done', 'refused']),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
/** The same request as the administrator answering it sees it. */
export const AdminSubjectRequestView = SubjectRequestView.extend({
  citizenId: z.string(),
  outcome: z.record(z.string(), z.number()).nullable(),
});

export const SubjectRequestListView = z.object({ items: z.array(SubjectRequestView) });
export const AdminSubjectRequestListView = z.object({ items: z.array(AdminSubjectRequestView) });

export type ProcedureNotice = z.infer<typeof ProcedureNoticeView>;
export type SubjectRequest = z.infer<typeof SubjectRequestView>;
export type AdminSubjectRequest = z.infer<typeof AdminSubjectRequestView>;
export type ReadsPerOfficer = z.infer<typeof ReadsPerOfficerView>['items'][number];
export type OfficerRead = z.infer<typeof OfficerReadListView>['items'][number];
export type CitizenRead = z.infer<typeof CitizenReadListView>['items'][number];
