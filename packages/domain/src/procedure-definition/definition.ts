import { z } from 'zod';
import { isCalendarDate } from '../holidays';
import { AgencyKind, AuthorityLevel, FileKind, OnlineLevel, ProcedureCode, ProcedureTopic } from '../procedures/procedure';
import { checkDefinition } from './check-definition';
import { Condition } from './conditions';
import { FormDefinition, LocalizedText } from './form-schema';

/**
 * A procedure as data (issue 12): the facts of the national catalog, the rules of the one-stop
 * desk and the form, in one document that an administrator loads and that the phone, the desk and
 * the server all read. `ProcedureDefinition.safeParse` refuses a bad definition with the path of
 * every problem (see check-definition.ts for the checks across fields).
 */

const Kebab = z.string().regex(/^[a-z0-9-]+$/, { error: 'Chỉ gồm chữ thường không dấu, chữ số và dấu "-"' });

export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày phải có dạng YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'Ngày không có trên lịch' });

/** Who decides during one era (the 1 July 2025 reform moved district procedures to the commune). */
export const AuthorityEra = z.strictObject({
  /** First day of the era (absent: since always). */
  from: CalendarDay.optional(),
  /** Last day of the era (absent: still in force). */
  until: CalendarDay.optional(),
  level: AuthorityLevel,
  agencyKind: AgencyKind,
});
export type AuthorityEra = z.output<typeof AuthorityEra>;

/** The legal time limit: working days from a valid dossier, or hours where the law counts hours. */
export const LegalDuration = z.discriminatedUnion('unit', [
  z.strictObject({
    unit: z.literal('working-days'),
    /** 0 when the office only takes note (a notice). */
    amount: z.number().int().min(0),
    note: z.string().optional(),
  }),
  z.strictObject({ unit: z.literal('hours'), amount: z.number().int().positive(), note: z.string().optional() }),
]);

/** A notice must arrive some working days before the event it announces (the date in `eventField`). */
export const NoticeRule = z.strictObject({
  workingDaysBefore: z.number().int().positive(),
  /** Top-level date field of the form holding the event's start. */
  eventField: z.string().min(1),
  /** Shown on that field; `{date}` is the earliest day (dd/mm/yyyy), `{days}` the number of working days. */
  message: z.string().trim().min(1).optional(),
  messageEn: z.string().trim().min(1).optional(),
});

export const OnlineReduction = z.strictObject({
  percent: z.number().int().min(1).max(100),
  /** The resolution's validity, by calendar date in Vietnam (absent bound: open). */
  from: CalendarDay.optional(),
  until: CalendarDay.optional(),
});

export const FeeRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), note: z.string().optional() }),
  z.strictObject({
    kind: z.literal('fixed'),
    /** Integer đồng at the counter. */
    amount: z.number().int().positive({ error: 'Mức lệ phí phải là số nguyên đồng lớn hơn 0' }),
    onlineReduction: OnlineReduction.optional(),
    payableAt: z.enum(['submission', 'result']),
    /** The resolution or circular that sets the fee: a fee without one is refused. */
    legalBasis: z.string({ error: 'Lệ phí phải có căn cứ pháp lý' }).trim().min(1, { error: 'Lệ phí phải có căn cứ pháp lý' }),
  }),
]);
export type FeeRule = z.output<typeof FeeRule>;

export const ComponentRequirement = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mandatory') }),
  z.strictObject({
    kind: z.literal('conditional'),
    /** When it is needed, in words for the citizen ("Chỉ khi người nộp không phải chủ hộ"). */
    whenVi: z.string().trim().min(1),
    /** The same in English, for a citizen who reads the app in English (absent: the Vietnamese is shown). */
    whenEn: z.string().trim().min(1).optional(),
    /** The same as a condition on the form's values, when the form can tell. */
    condition: Condition.optional(),
  }),
]);

/** The largest file a component may take (20 MiB): phones on weak signal, and the upload server's backstop. */
export const MAX_COMPONENT_BYTES = 20 * 1024 * 1024;

export const ProcedureComponentDefinition = z.strictObject({
  id: Kebab,
  name: LocalizedText,
  requirement: ComponentRequirement,
  accepts: z.array(FileKind).min(1, { error: 'Thành phần hồ sơ phải nhận ít nhất một loại tệp' }),
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(MAX_COMPONENT_BYTES, { error: `Dung lượng tối đa của một tệp là ${MAX_COMPONENT_BYTES / 1024 / 1024} MB` }),
  copies: z.number().int().positive().default(1),
  /** Bản chính, bản sao, bản sao chứng thực, or a native electronic document. */
  copyKind: z.enum(['original', 'copy', 'certified-copy', 'electronic']),
  notes: z.string().optional(),
  /**
   * Documents of other kinds the citizen's store may give for this component instead of an upload
   * (Decree 45/2020: a paper the state already holds is not asked for again): other procedures'
   * component ids, or a result's template. A stored component of the same id always qualifies.
   */
  reusableFrom: z.array(Kebab).max(20).optional(),
  notesEn: z.string().optional(),
  /**
   * The paper a VNeID-verified identity replaces (the ID-card copy, Decree 45/2020: the state already
   * holds it): not asked of a verified citizen whose identity fills the form's `prefill` group.
   */
  waivedByVerifiedIdentity: z.boolean().optional(),
});

export const ResultRule = z.strictObject({
  kind: z.enum(['certificate', 'acknowledgement', 'document', 'card']),
  /** Counts in the electronic-result indicator (Decision 766/QĐ-TTg) only when the result is a document. */
  isDocument: z.boolean(),
  /** Name of the issuer module that pre-checks, issues and prints the result. */
  issuer: Kebab,
  /** Template of the result document. */
  template: Kebab,
});

export const OnlineOnlyException = z.strictObject({
  id: Kebab,
  label: LocalizedText,
  /** The receiving officer must write down why (the dispatch's "trường hợp đặc biệt"). */
  requiresReason: z.boolean(),
});

/** From `from`, the desk accepts the procedure online only, except in the listed cases. */
export const OnlineOnlyPolicy = z.strictObject({
  from: CalendarDay,
  basis: z.string().trim().min(1, { error: 'Chính sách chỉ nhận trực tuyến phải có căn cứ' }),
  exceptions: z.array(OnlineOnlyException),
});
export type OnlineOnlyPolicy = z.output<typeof OnlineOnlyPolicy>;

export const ProcedureDefinitionShape = z.strictObject({
  /** National code (CSDL quốc gia về TTHC), or a provincial placeholder `QNG-…`. */
  code: ProcedureCode,
  slug: Kebab,
  names: z.strictObject({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }),
  /** What citizens call the procedure in their own words ("làm khai sinh", "tiền ma chay"): the search and the assistant find it by them. */
  colloquialNames: z.array(z.string().trim().min(1).max(120)).max(40).optional(),
  /** One of the six known topics, or any id (then `topicName` says what it is called). */
  topic: ProcedureTopic,
  topicName: LocalizedText.optional(),
  authority: z.array(AuthorityEra).min(1, { error: 'Phải có cơ quan có thẩm quyền' }),
  onlineLevel: OnlineLevel,
  legalDuration: LegalDuration,
  notice: NoticeRule.optional(),
  fee: FeeRule,
  components: z.array(ProcedureComponentDefinition).min(1, { error: 'Thủ tục phải có ít nhất một thành phần hồ sơ' }),
  result: ResultRule,
  onlineOnly: z.array(OnlineOnlyPolicy).default([]),
  /** Member of an interlinked group (liên thông) filed as one dossier. */
  interlink: z.strictObject({ group: Kebab, order: z.number().int().positive().optional() }).optional(),
  legalBasis: z.array(z.string().trim().min(1)).min(1, { error: 'Thủ tục phải có căn cứ pháp lý' }),
  form: FormDefinition,
  /** Facts not confirmed against an authoritative source. */
  verify: z.array(z.string().min(1)).optional(),
});

export const ProcedureDefinition = ProcedureDefinitionShape.superRefine(checkDefinition, {
  // Run even when some parts are malformed, so one answer lists every problem.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
}).meta({ title: 'Định nghĩa thủ tục hành chính (DVC)' });
export type ProcedureDefinition = z.output<typeof ProcedureDefinitionShape>;
/** What an author writes (defaults such as `copies` may be left out). */
export type ProcedureDefinitionInput = z.input<typeof ProcedureDefinitionShape>;
