import { z } from 'zod';

/**
 * Plain data the renderers take. The dossier capability maps its rows onto these; a renderer reads
 * nothing else (no database, no clock, no environment), so the same data always gives the same text.
 * Times are instants (`Date`); the renderers print them in Vietnam time (UTC+7).
 * A schema and its inferred type share one name (house style).
 */

/** The issuing body, printed top left: parent (regular caps) over the unit (bold caps). */
export const AgencyHeading = z.object({
  /** e.g. "UBND TỈNH QUẢNG NGÃI" (omit when the unit is itself top-level). */
  parentName: z.string().min(1).optional(),
  /** e.g. "Trung tâm Phục vụ hành chính công" / "Bộ phận Một cửa UBND xã Bình Sơn". */
  name: z.string().min(1),
  /** Place name of the date line, e.g. "Quảng Ngãi", "Bình Sơn". */
  place: z.string().min(1),
});
export type AgencyHeading = z.infer<typeof AgencyHeading>;

export const Applicant = z.object({
  fullName: z.string().min(1),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type Applicant = z.infer<typeof Applicant>;

/** Who signs: the line in caps over the signature ("NGƯỜI TIẾP NHẬN HỒ SƠ", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). */
export const Signer = z.object({
  title: z.string().min(1),
  /** Second title line, e.g. "PHÓ CHỦ TỊCH" under "KT. CHỦ TỊCH". */
  subtitle: z.string().optional(),
  name: z.string().min(1),
  /** Printed instead of a wet signature, e.g. "Đã ký số" — the electronic copy carries a digital signature. */
  signedNote: z.string().optional(),
});
export type Signer = z.infer<typeof Signer>;

const common = {
  agency: AgencyHeading,
  /** Document number line "Số: …"; omitted when the form has none. */
  documentNumber: z.string().optional(),
  dossierCode: z.string().min(1),
  /** Date of the date line (Vietnam date of this instant). */
  issuedAt: z.date(),
};

export const DeliveryMethod = z.enum(['counter', 'post', 'electronic']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const ComponentForm = z.enum(['original', 'copy', 'certified_copy', 'electronic']);
export type ComponentForm = z.infer<typeof ComponentForm>;

export const SubmittedComponent = z.object({
  name: z.string().min(1),
  form: ComponentForm.default('original'),
  copies: z.number().int().min(1).default(1),
});
export type SubmittedComponent = z.input<typeof SubmittedComponent>;

/** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export const ReceiptSlipData = z.object({
  ...common,
  applicant: Applicant,
  procedureName: z.string().min(1),
  components: z.array(SubmittedComponent).min(1),
  /** "Số lượng hồ sơ: 01 bộ". */
  sets: z.number().int().min(1).default(1),
  /** As the procedure states it, e.g. "03 ngày làm việc". */
  legalDuration: z.string().min(1),
  receivedAt: z.date(),
  dueAt: z.date(),
  delivery: DeliveryMethod,
  /** Post address or e-mail/account when not at the counter. */
  deliveryDetail: z.string().optional(),
  /** Entry in the dossier register ("Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …"). */
  registerEntry: z.object({ book: z.string(), sequence: z.number().int().min(1) }).optional(),
  officerName: z.string().min(1),
  /** The public lookup page of the dossier (/tra-cuu?ma=…): what the QR code opens. */
  lookupUrl: z.string().url().optional(),
  /** The lookup PIN issued with this print (the alternative to the phone's last 4 digits); only the desk's print has one. */
  lookupPin: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type ReceiptSlipData = z.input<typeof ReceiptSlipData>;

/** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export const SupplementRequestData = z.object({
  ...common,
  applicant: Applicant,
  procedureName: z.string().min(1),
  receivedAt: z.date(),
  /** What to add or correct, one line each. */
  items: z.array(z.string().min(1)).min(1),
  reason: z.string().optional(),
  contact: z.object({ name: z.string().min(1), phone: z.string().min(1) }),
  officerName: z.string().min(1),
});
export type SupplementRequestData = z.input<typeof SupplementRequestData>;

/** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export const RefusalSlipData = z.object({
  ...common,
  applicant: Applicant,
  procedureName: z.string().min(1),
  submittedAt: z.date(),
  reasons: z.array(z.string().min(1)).min(1),
  officerName: z.string().min(1),
});
export type RefusalSlipData = z.input<typeof RefusalSlipData>;

/** Mẫu số 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. */
export const ApologyExtensionData = z.object({
  ...common,
  /** The body that handles the dossier (may differ from the desk in the heading). */
  handlingAgencyName: z.string().min(1),
  applicant: Applicant,
  procedureName: z.string().min(1),
  receivedAt: z.date(),
  dueAt: z.date(),
  reason: z.string().min(1),
  newDueAt: z.date(),
  signer: Signer,
});
export type ApologyExtensionData = z.input<typeof ApologyExtensionData>;

/** Mẫu số 05 — Thông báo dừng giải quyết hồ sơ. */
export const StopNoticeData = z.object({
  ...common,
  handlingAgencyName: z.string().min(1),
  applicant: Applicant,
  procedureName: z.string().min(1),
  receivedAt: z.date(),
  stoppedAt: z.date(),
  reason: z.string().min(1),
  /** Text of the legal ground, when there is one. */
  legalBasis: z.string().optional(),
  /** What happens to the papers and the fee, e.g. "Hồ sơ được trả lại tại Bộ phận Một cửa". */
  returnNote: z.string().optional(),
  signer: Signer,
});
export type StopNoticeData = z.input<typeof StopNoticeData>;

export const StepOutcome = z.enum(['early', 'on_time', 'late']);
export type StepOutcome = z.infer<typeof StepOutcome>;

const Party = z.object({ unit: z.string().min(1), person: z.string().optional() });

/** One handover in the process-control slip. `outcome` is computed by the caller (domain timeliness). */
export const ControlStep = z.object({
  from: Party,
  to: Party,
  at: z.date(),
  dueAt: z.date().optional(),
  outcome: StepOutcome.optional(),
  note: z.string().optional(),
});
export type ControlStep = z.input<typeof ControlStep>;

/** Mẫu số 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export const ProcessControlSlipData = z.object({
  ...common,
  applicant: Applicant,
  procedureName: z.string().min(1),
  receivedAt: z.date(),
  dueAt: z.date(),
  leadAgencyName: z.string().min(1),
  coordinatingAgencies: z.array(z.string().min(1)).default([]),
  steps: z.array(ControlStep),
});
export type ProcessControlSlipData = z.input<typeof ProcessControlSlipData>;

export const RegisterRow = z.object({
  code: z.string().min(1),
  procedureName: z.string().min(1),
  sets: z.number().int().min(1).default(1),
  applicantName: z.string().min(1),
  applicantContact: z.string().optional(),
  leadAgencyName: z.string().min(1),
  receivedAt: z.date(),
  dueAt: z.date().optional(),
  transferredAt: z.date().optional(),
  resultReceivedAt: z.date().optional(),
  returnedAt: z.date().optional(),
  note: z.string().optional(),
});
export type RegisterRow = z.input<typeof RegisterRow>;

/** Mẫu số 07 — Sổ theo dõi hồ sơ, for a period (landscape, paginated). */
export const DossierRegisterData = z.object({
  agency: AgencyHeading,
  periodFrom: z.date(),
  periodTo: z.date(),
  issuedAt: z.date(),
  rows: z.array(RegisterRow),
});
export type DossierRegisterData = z.input<typeof DossierRegisterData>;

const verification = {
  /** Base URL of the public site, e.g. "https://dichvucong.quangngai.gov.vn". */
  publicUrl: z.string().url(),
  /** Opaque code of the verification page (`/xac-minh/<code>`); reveals nothing by itself. */
  verificationCode: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
};

export const BusinessLine = z.object({
  /** VSIC 2018 level-4 code, e.g. "4722". */
  code: z.string().regex(/^\d{4}$/),
  name: z.string().min(1),
  isMain: z.boolean().default(false),
});
export type BusinessLine = z.input<typeof BusinessLine>;

/** Result: Giấy chứng nhận đăng ký hộ kinh doanh. */
export const HouseholdBusinessCertificateData = z.object({
  ...common,
  ...verification,
  registrationNumber: z.string().min(1),
  firstRegisteredAt: z.date(),
  /** Change number and date when this is a re-issued certificate. */
  change: z.object({ number: z.number().int().min(1), at: z.date() }).optional(),
  businessName: z.string().min(1),
  seatAddress: z.string().min(1),
  phone: z.string().optional(),
  email: z.string().optional(),
  businessLines: z.array(BusinessLine).min(1),
  capital: z.number().int().min(0),
  owner: z.object({
    fullName: z.string().min(1),
    birthDate: z.string().optional(),
    gender: z.string().optional(),
    ethnicity: z.string().optional(),
    nationality: z.string().default('Việt Nam'),
    personalId: z.string().min(1),
    permanentAddress: z.string().optional(),
    contactAddress: z.string().optional(),
  }),
  signer: Signer,
});
export type HouseholdBusinessCertificateData = z.input<typeof HouseholdBusinessCertificateData>;

/** Result: xác nhận đã tiếp nhận thông báo hoạt động khuyến mại. */
export const PromotionAcknowledgementData = z.object({
  ...common,
  ...verification,
  enterprise: z.object({
    name: z.string().min(1),
    taxCode: z.string().min(1),
    address: z.string().min(1),
    phone: z.string().optional(),
  }),
  programName: z.string().min(1),
  startsAt: z.date(),
  endsAt: z.date(),
  area: z.string().min(1),
  promotionForm: z.string().min(1),
  goods: z.string().min(1),
  totalValue: z.number().int().min(0).optional(),
  receivedAt: z.date(),
  signer: Signer,
});
export type PromotionAcknowledgementData = z.input<typeof PromotionAcknowledgementData>;

/** Biên lai thu phí, lệ phí (bản thể hiện của biên lai điện tử). */
export const FeeReceiptData = z.object({
  ...common,
  /** Collecting body (name, tax code, address). */
  collector: z.object({ name: z.string().min(1), taxCode: z.string().min(1), address: z.string().optional() }),
  /** Ký hiệu mẫu biên lai, ký hiệu, số. */
  templateSymbol: z.string().min(1),
  series: z.string().min(1),
  number: z.string().min(1),
  payer: z.object({ fullName: z.string().min(1), address: z.string().optional(), taxCode: z.string().optional() }),
  items: z.array(z.object({ name: z.string().min(1), amount: z.number().int().min(0) })).min(1),
  paymentMethod: z.string().min(1),
  paidAt: z.date(),
  /** Code the payer types on the tax authority's lookup page. */
  lookupCode: z.string().optional(),
  collectorOfficer: z.string().min(1),
});
export type FeeReceiptData = z.input<typeof FeeReceiptData>;

/** One line of a procedure certificate: a field's label and its value, or a heading (group, list item). */
export const CertificateEntry = z.object({
  label: z.string().min(1),
  /** Absent: a heading over the lines below it. */
  value: z.string().optional(),
  /** Nesting level (0 = a field of the form; 1 = inside a group or a list item…). */
  depth: z.number().int().min(0).max(6),
});
export type CertificateEntry = z.infer<typeof CertificateEntry>;

/** Result of an administrator-added procedure (issuer `certificate`): its name, its form's values, its number. */
export const ProcedureCertificateData = z.object({
  ...common,
  ...verification,
  /** The procedure's name (vi), printed in caps as the title. */
  title: z.string().min(1),
  documentNumber: z.string().min(1),
  receivedAt: z.date().optional(),
  entries: z.array(CertificateEntry),
  signer: Signer,
});
export type ProcedureCertificateData = z.input<typeof ProcedureCertificateData>;
