import { z } from 'zod';
import { type Channel, isOnline } from '../channels';

/**
 * What the catalog knows about one administrative procedure (thủ tục hành chính): the facts a
 * citizen needs before filing and the rules the one-stop desk applies. Definitions are data, kept
 * one file per procedure; anything not confirmed against the national catalog is listed in
 * `verify` so that nobody mistakes a best guess for a checked fact.
 */

/** Browsing topics (lĩnh vực), with the labels shown to citizens. */
export const PROCEDURE_TOPICS = [
  { id: 'ho-kinh-doanh', label: 'Hộ kinh doanh' },
  { id: 'thuong-mai', label: 'Thương mại' },
  { id: 'ho-tich', label: 'Hộ tịch' },
  { id: 'cu-tru', label: 'Cư trú' },
  { id: 'bao-hiem', label: 'Bảo hiểm y tế' },
  { id: 'chinh-sach-xa-hoi', label: 'Chính sách xã hội' },
] as const;
/**
 * A topic is data: one of the six above, or any id an administrator's catalog brings (with its
 * name, `topicName`, since only the six have a label here).
 */
export const ProcedureTopic = z.string().regex(/^[a-z0-9-]+$/, { error: 'Chỉ gồm chữ thường không dấu, chữ số và dấu "-"' });
export type ProcedureTopic = z.infer<typeof ProcedureTopic>;

export function isKnownTopic(topic: string): boolean {
  return PROCEDURE_TOPICS.some((t) => t.id === topic);
}

/** The topic's label: a known topic's own, else the name the procedure gives it, else its id. */
export function topicLabel(topic: ProcedureTopic, name?: string): string {
  return PROCEDURE_TOPICS.find((t) => t.id === topic)?.label ?? name ?? topic;
}

export const AuthorityLevel = z.enum(['province', 'district', 'commune']);
export type AuthorityLevel = z.infer<typeof AuthorityLevel>;

export const AgencyKind = z.enum([
  'commune_people_committee',
  'district_people_committee',
  'department_industry_trade',
  'commune_police',
  'social_insurance_agency',
]);
export type AgencyKind = z.infer<typeof AgencyKind>;

/**
 * Competent authority per era: the two-tier reform of 1 July 2025 abolished the district level,
 * so a dossier is routed by the era of its reception date.
 */
export const ProcedureAuthority = z.strictObject({
  before2025: AuthorityLevel,
  from2025: AuthorityLevel,
  /** The kind of agency that decides from 1 July 2025. */
  agencyKind: AgencyKind,
  /** When the deciding agency was a different kind before 1 July 2025. */
  agencyKindBefore2025: AgencyKind.optional(),
});
export type ProcedureAuthority = z.infer<typeof ProcedureAuthority>;

/** Decree 42/2022/NĐ-CP: "toàn trình" (everything online) or "một phần" (part of the steps). */
export const OnlineLevel = z.enum(['full', 'partial']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/** ISO date 'YYYY-MM-DD'. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ProcedureFee = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), note: z.string().optional() }),
  z.strictObject({
    kind: z.literal('fixed'),
    /** Integer đồng at the counter. */
    amount: z.number().int().positive(),
    /** Percent off for dossiers filed online (web or app), e.g. 50 under the provincial council's resolutions. */
    onlineReductionPercent: z.number().int().min(0).max(100),
    /** The reduction may be time-limited by its resolution; absent bounds mean always. */
    onlineReductionFrom: IsoDate.optional(),
    onlineReductionUntil: IsoDate.optional(),
    payableAt: z.enum(['submission', 'result']),
    legalBasis: z.string().min(1),
  }),
]);
export type ProcedureFee = z.infer<typeof ProcedureFee>;

export const FileKind = z.enum(['pdf', 'jpeg', 'png']);
export type FileKind = z.infer<typeof FileKind>;

export const ProcedureComponent = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** The name in English, when the definition gives one (the app in English shows it, else the Vietnamese). */
  nameEn: z.string().min(1).optional(),
  /** False for components required only in some cases (the note says which). */
  mandatory: z.boolean(),
  accepts: z.array(FileKind).min(1),
  maxBytes: z.number().int().positive(),
  copies: z.number().int().positive().default(1),
  notes: z.string().optional(),
  /** Kinds of stored documents that may stand for this component (the definition's `reusableFrom`). */
  reusableFrom: z.array(z.string()).optional(),
  notesEn: z.string().optional(),
});
export type ProcedureComponent = z.infer<typeof ProcedureComponent>;

/**
 * A national code from the national procedure catalog (`1.001612`), or a provincial placeholder
 * (`QNG-…`) for an entry whose national code is not confirmed yet (then listed in `verify`).
 */
export const ProcedureCode = z.string().regex(/^(\d\.\d{6}|QNG-[A-Z0-9-]+)$/);

export const ProcedureDefinition = z.strictObject({
  code: ProcedureCode,
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** What citizens call it (from the definition): found by the assistant's search. */
  colloquialNames: z.array(z.string().min(1)).optional(),
  topic: ProcedureTopic,
  /** The topic's name when it is not one of the six known topics. */
  topicName: z.string().min(1).optional(),
  authority: ProcedureAuthority,
  onlineLevel: OnlineLevel,
  /** Legal time limit in working days from a valid dossier; 0 when the office only takes note. */
  legalDurationWorkingDays: z.number().int().min(0),
  /** For notices: the dossier must arrive at least this many working days before the event. */
  minimumNoticeWorkingDays: z.number().int().positive().optional(),
  fee: ProcedureFee,
  components: z.array(ProcedureComponent).min(1),
  resultKind: z.enum(['certificate', 'acknowledgement', 'document', 'card']),
  /** Counts in the electronic-result indicator (Decision 766/QĐ-TTg) only when the result is a document. */
  resultIsDocument: z.boolean(),
  legalBasis: z.array(z.string().min(1)).min(1),
  /** Member of an interlinked group (liên thông) filed as one dossier. */
  interlinkGroup: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /** Facts not confirmed against an authoritative source: check before relying on them. */
  verify: z.array(z.string().min(1)).optional(),
});
export type ProcedureDefinition = z.infer<typeof ProcedureDefinition>;
/** What a definition file writes (defaults such as `copies` may be left out). */
export type ProcedureDefinitionInput = z.input<typeof ProcedureDefinition>;

/** Common limits for uploaded components. */
export const DOCUMENT_FILES = { accepts: ['pdf', 'jpeg', 'png'] as FileKind[], maxBytes: 10 * 1024 * 1024 };

/**
 * The fee in integer đồng for a dossier filed on `channel` on day `at` (ISO date or Date; the
 * reduction's validity bounds are compared by calendar date in Vietnam). A phone call is filed online by the
 * hotline operator, but the province's reduction rewards citizens filing themselves: counter fee.
 * Rounded down so the citizen never pays more than the percentage says.
 */
export function feeFor(procedure: Pick<ProcedureDefinition, 'fee'>, channel: Channel, at?: Date | string): number {
  const fee = procedure.fee;
  if (fee.kind === 'none') return 0;
  if (!isOnline(channel) || !reductionApplies(fee, at)) return fee.amount;
  return Math.floor((fee.amount * (100 - fee.onlineReductionPercent)) / 100);
}

function reductionApplies(fee: Extract<ProcedureFee, { kind: 'fixed' }>, at: Date | string | undefined): boolean {
  if (at === undefined) return true;
  // Resolutions are dated in Vietnam time (UTC+7, no daylight saving).
  const day = typeof at === 'string' ? at.slice(0, 10) : new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  if (fee.onlineReductionFrom && day < fee.onlineReductionFrom) return false;
  if (fee.onlineReductionUntil && day > fee.onlineReductionUntil) return false;
  return true;
}
