import { z } from 'zod';
import { deliverySchema } from '../channels';

/**
 * Request and response shapes of the dossier routes: the server validates and documents with them,
 * the web app reads its answers through them (docs/api/dossiers.md).
 */

const AttachmentRef = z.strictObject({
  componentId: z.string().trim().min(1).max(100),
  fileId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/, { message: 'Mã tệp không hợp lệ' }),
});

/** A document of the citizen's store (Kho dữ liệu) given for a component instead of an upload. */
const ReusedDocumentRef = z.strictObject({
  componentId: z.string().trim().min(1).max(100),
  reusedDocumentId: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z]+-[0-9a-f]+$/, { message: 'Mã giấy tờ trong Kho dữ liệu không hợp lệ' })
    .describe('Mã giấy tờ trong Kho dữ liệu (GET /api/v1/me/documents)'),
});

/** The commune or ward a filing goes to (its administrative unit's code). */
const FilingUnitCode = z
  .string()
  .trim()
  .regex(/^\d{2,5}$/, { message: 'Chọn xã, phường' });
/** What the client is: the installed app or a phone browser says mobile, a desktop browser web. */
const OnlineChannel = z.enum(['web', 'mobile']).default('web');

export const SubmitDossierBody = z.strictObject({
  procedureCode: z.string().trim().min(1, { message: 'Chọn thủ tục' }).max(50),
  unitCode: FilingUnitCode,
  channel: OnlineChannel,
  form: z.record(z.string(), z.unknown()),
  attachments: z
    .array(z.union([AttachmentRef, ReusedDocumentRef]))
    .max(50)
    .default([]),
  delivery: deliverySchema,
  /**
   * The version of the procedure the form was filled for (a draft or an outbox item remembers it).
   * Absent: the current one. Older: judged by the current version, filed under it if valid, else 409
   * `procedure-changed`.
   */
  procedureVersion: z.number().int().positive().max(1_000_000).optional(),
});

const Applicant = z.strictObject({
  fullName: z.string().trim().min(2, { message: 'Nhập họ và tên người nộp' }).max(200),
  phone: z
    .string()
    .trim()
    .regex(/^0\d{9}$/, { message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0' })
    .optional(),
  citizenId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số' })
    .optional(),
});

export const CounterDossierBody = SubmitDossierBody.omit({ channel: true }).extend({
  applicant: Applicant,
  /** Under an online-only policy, counter intake needs a reason (a special case). */
  specialCaseReason: z.string().trim().min(5).max(1000).optional(),
  /** Components handed in on paper and not scanned now: they count, as not digitized, until scanned. */
  paperComponents: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  /** The desk checked completeness with the citizen present: receive at once (the usual counter flow). */
  receiveNow: z.boolean().default(true),
});

export const HotlineDossierBody = SubmitDossierBody.omit({ channel: true }).extend({ applicant: Applicant });

/** The answer to a filing (201), also replayed to a retry with the same Idempotency-Key. */
export const SubmittedView = z.object({
  code: z.string(),
  status: z.string(),
  channel: z.string(),
  submittedAt: z.string(),
  expectedDueAt: z.string().nullable(),
  agencyCode: z.string(),
  agencyName: z.string(),
  feeAmount: z.number(),
  /** The version of the procedure it is filed under (absent only in answers stored before versions existed). */
  procedureVersion: z.number().int().optional(),
});

export const DossierSummaryView = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  /** The procedure's English name, for a citizen reading the app in English. */
  procedureNameEn: z.string().optional(),
  applicantName: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  step: z.string().nullable(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  unitCode: z.string(),
  agencyCode: z.string(),
  /** Interlinked group (liên thông) this dossier belongs to, if any. */
  groupCode: z.string().nullable(),
  /** The version of the procedure it was filed under: its form is shown with that version's definition. */
  procedureVersion: z.number().int(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});

export const DossierDetailView = DossierSummaryView.extend({
  /**
   * The date the applicant was given at filing: the due date once received, before that the one the
   * filing answer gave (from the filing time, online filings with their shortened time), null if none.
   */
  expectedDueAt: z.string().nullable(),
  /** Why the expected date is earlier than the counter's: the percent cut for filing online, or null. */
  onlineReductionPercent: z.number().int().nullable(),
  applicantPhone: z.string().nullable(),
  form: z.record(z.string(), z.unknown()),
  delivery: z.string().nullable(),
  feeAmount: z.number(),
  paidOnline: z.boolean(),
  supplementCount: z.number(),
  componentsTotal: z.number(),
  componentsDigitized: z.number(),
  apologyCount: z.number(),
  assigneeId: z.string().nullable(),
  attachments: z.array(
    z.object({
      componentId: z.string(),
      componentName: z.string(),
      /** The paper's English name, when the procedure gives one. */
      componentNameEn: z.string().optional(),
      fileId: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      digitized: z.boolean(),
      round: z.number(),
      /** Given from the citizen's document store instead of an upload: "Tái sử dụng" and its source. */
      reusedFrom: z
        .object({ kind: z.enum(['result', 'component']), dossierCode: z.string(), label: z.string() })
        .nullable()
        .optional(),
      /** 'verified-identity': no file — "Đã xác thực qua VNeID — không cần nộp". */
      waivedBy: z.literal('verified-identity').nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      toLabel: z.string(),
      event: z.string(),
      eventLabel: z.string(),
      actorRole: z.string(),
      note: z.string().nullable(),
      reason: z.string().nullable(),
      newDueAt: z.string().nullable(),
      components: z.array(z.string()).nullable(),
    }),
  ),
  availableEvents: z.array(z.string()),
  documents: z.array(z.object({ kind: z.string(), title: z.string(), url: z.string() })),
});

export const EventBody = z.looseObject({ type: z.string().min(1).max(60) });

export const SupplementBody = z.strictObject({
  note: z.string().trim().max(2000).optional(),
  attachments: z.array(AttachmentRef).max(50).default([]),
});

export const DigitizeBody = z.strictObject({
  componentId: z.string().trim().min(1).max(100),
  fileId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/, { message: 'Mã tệp không hợp lệ' }),
});

export const WithdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });

export const DossierListView = z.object({ items: z.array(DossierSummaryView) });

/** How many of the agency's dossiers each inbox tab holds, and how many are overdue or due soon. */
export const OfficerCountsView = z.object({
  new: z.number(),
  received: z.number(),
  processing: z.number(),
  supplement: z.number(),
  resolved: z.number(),
  withdrawal: z.number(),
  finished: z.number(),
  all: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
});

/** GET /api/v1/officer/dossiers: the officer's inbox, one tab's dossiers and every tab's count. */
export const OfficerInboxView = z.object({ items: z.array(DossierSummaryView), counts: OfficerCountsView });

export const GroupBody = z.strictObject({
  group: z.enum(['birth', 'death']),
  unitCode: FilingUnitCode,
  channel: OnlineChannel,
  form: z.record(z.string(), z.unknown()),
  attachments: z
    .array(
      z.strictObject({
        procedureCode: z.string().max(50),
        componentId: z.string().max(100),
        fileId: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(50)
    .default([]),
  delivery: deliverySchema,
  /** Procedure code → the version its part of the form was filled for (absent: the current one). */
  procedureVersions: z.record(z.string().max(50), z.number().int().positive().max(1_000_000)).optional(),
});

export const GroupView = z.object({ code: z.string(), title: z.string(), members: z.array(SubmittedView) });

export const GroupDetailView = z.object({
  code: z.string(),
  title: z.string(),
  status: z.enum(['complete', 'in_progress', 'incomplete']),
  statusLabel: z.string(),
  members: z.array(DossierSummaryView),
});

export type Submitted = z.infer<typeof SubmittedView>;
export type DossierSummary = z.infer<typeof DossierSummaryView>;
export type DossierDetail = z.infer<typeof DossierDetailView>;
export type GroupDetail = z.infer<typeof GroupDetailView>;
export type OfficerInbox = z.infer<typeof OfficerInboxView>;
