import { z } from 'zod';
import { deliverySchema } from '../channels';
import type { Role } from './states';

/**
 * Event payloads as zod schemas, shared with the server (route bodies) and the web (forms): one shape
 * everywhere. Instants arrive as ISO 8601 strings with an offset over HTTP and as Date in code; both
 * come out as Date.
 */
const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]);
const note = z.string().trim().max(2000).optional();
const reason = z.string().trim().min(1, 'Cần nêu lý do').max(2000);
/** A user account's id (a UUID): anything else would reach the database's uuid column as a 500. */
const userId = z.string().trim().pipe(z.uuid('Mã tài khoản không hợp lệ (cần dạng UUID)'));

export const dossierEventSchemas = {
  submit_online: z.strictObject({ type: z.literal('submit_online'), channel: z.enum(['web', 'mobile']), note }),
  record_at_counter: z.strictObject({ type: z.literal('record_at_counter'), note }),
  file_by_phone: z.strictObject({ type: z.literal('file_by_phone'), note }),
  receive: z.strictObject({ type: z.literal('receive'), dueAt: instant, note }),
  request_supplement: z.strictObject({
    type: z.literal('request_supplement'),
    reason,
    components: z.array(z.string().trim().min(1).max(500)).min(1, 'Cần nêu ít nhất một thành phần hồ sơ cần bổ sung'),
  }),
  /** `dueAt`: the due time recomputed by the caller now that the clock resumes (absent before reception). */
  supplement_provided: z.strictObject({ type: z.literal('supplement_provided'), dueAt: instant.optional(), note }),
  refuse: z.strictObject({ type: z.literal('refuse'), reason }),
  assign: z.strictObject({ type: z.literal('assign'), specialistId: userId, note }),
  propose: z.strictObject({
    type: z.literal('propose'),
    outcome: z.enum(['approve', 'reject']),
    /** The draft result or refusal: its text or a reference to the stored file. */
    draft: z.string().trim().min(1, 'Cần có dự thảo kết quả').max(20000),
    note,
  }),
  approve: z.strictObject({ type: z.literal('approve'), note }),
  reject_proposal: z.strictObject({ type: z.literal('reject_proposal'), reason }),
  request_financial_obligation: z.strictObject({
    type: z.literal('request_financial_obligation'),
    /** Integer đồng. */
    amount: z.number().int().positive(),
    reason,
  }),
  /** `dueAt` as for `supplement_provided`: the clock stood still while the obligation was awaited. */
  financial_obligation_paid: z.strictObject({ type: z.literal('financial_obligation_paid'), dueAt: instant.optional(), note }),
  resolve: z.strictObject({ type: z.literal('resolve'), note }),
  return_result: z
    .strictObject({
      type: z.literal('return_result'),
      delivery: deliverySchema,
      trackingNumber: z.string().trim().min(1).max(100).optional(),
      note,
    })
    .refine((e) => (e.delivery === 'post') === (e.trackingNumber !== undefined), {
      message: 'Trả kết quả qua bưu chính cần mã vận đơn, và chỉ khi đó',
      path: ['trackingNumber'],
    }),
  request_withdrawal: z.strictObject({ type: z.literal('request_withdrawal'), reason: reason.optional() }),
  accept_withdrawal: z.strictObject({ type: z.literal('accept_withdrawal'), note }),
  stop: z.strictObject({ type: z.literal('stop'), reason }),
  issue_apology: z.strictObject({ type: z.literal('issue_apology'), reason, newDueAt: instant }),
} as const;

export type DossierEventType = keyof typeof dossierEventSchemas;
export const DOSSIER_EVENT_TYPES = Object.keys(dossierEventSchemas) as DossierEventType[];

export const dossierEventSchema = z.discriminatedUnion('type', [
  dossierEventSchemas.submit_online,
  dossierEventSchemas.record_at_counter,
  dossierEventSchemas.file_by_phone,
  dossierEventSchemas.receive,
  dossierEventSchemas.request_supplement,
  dossierEventSchemas.supplement_provided,
  dossierEventSchemas.refuse,
  dossierEventSchemas.assign,
  dossierEventSchemas.propose,
  dossierEventSchemas.approve,
  dossierEventSchemas.reject_proposal,
  dossierEventSchemas.request_financial_obligation,
  dossierEventSchemas.financial_obligation_paid,
  dossierEventSchemas.resolve,
  dossierEventSchemas.return_result,
  dossierEventSchemas.request_withdrawal,
  dossierEventSchemas.accept_withdrawal,
  dossierEventSchemas.stop,
  dossierEventSchemas.issue_apology,
]);
export type DossierEvent = z.output<typeof dossierEventSchema>;
/** What a client sends (instants may be strings). */
export type DossierEventInput = z.input<typeof dossierEventSchema>;
export type DossierEventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>;

/** Events that create a dossier (applied to no snapshot). */
export const CREATION_EVENTS: ReadonlySet<DossierEventType> = new Set(['submit_online', 'record_at_counter', 'file_by_phone']);

/**
 * Who may ever trigger each event. Some events narrow this further by state (see the machine): a
 * supplement is asked by the receiver at reception and by the specialist during processing.
 */
export const EVENT_ROLES: Record<DossierEventType, readonly Role[]> = {
  submit_online: ['citizen'],
  record_at_counter: ['receiver'],
  file_by_phone: ['hotline'],
  receive: ['receiver'],
  request_supplement: ['receiver', 'specialist'],
  supplement_provided: ['citizen', 'receiver'],
  refuse: ['receiver'],
  assign: ['receiver', 'leader'],
  propose: ['specialist'],
  approve: ['leader'],
  reject_proposal: ['leader'],
  // The specialist determines the amount; the desk may send the notice. The payment is confirmed by
  // the citizen's online payment (system) or by the desk when paid elsewhere.
  request_financial_obligation: ['specialist', 'receiver'],
  financial_obligation_paid: ['citizen', 'receiver', 'system'],
  resolve: ['leader'],
  // `system` only for electronic results (checked in the machine).
  return_result: ['receiver', 'system'],
  request_withdrawal: ['citizen'],
  accept_withdrawal: ['receiver'],
  stop: ['leader'],
  issue_apology: ['receiver', 'specialist'],
};
