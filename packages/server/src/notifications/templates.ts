import type { DossierEventType } from '@dvc/domain';
import { formatVietnamClock, formatVietnamDate } from '@dvc/domain/vietnam-time';
import { ratingUrl } from '../feedback/rating-link';

/** What an outbox message says about a dossier: enough to render every template without a query. */
export interface DossierMessage {
  /** fee_paid: written by the payments capability when the gateway confirms (amount, receiptNumber). */
  kind: 'dossier_event' | 'due_soon' | 'overdue' | 'fee_paid' | ComplaintMessageKind;
  receiptNumber?: string;
  event?: DossierEventType;
  dossierId: string;
  code: string;
  procedureCode: string;
  agencyCode: string;
  status: string;
  applicantId: string | null;
  applicantName: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  assigneeId: string | null;
  /** ISO instants. */
  at: string;
  dueAt: string | null;
  newDueAt?: string;
  reason?: string;
  components?: string[];
  amount?: number;
  trackingNumber?: string;
}

/** A complaint (feedback/complaint.service.ts) in a dossier message's shape: `code` is the complaint's. */
export type ComplaintMessageKind = 'complaint_filed' | 'complaint_answered';

export interface Rendered {
  title: string;
  body: string;
}

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function formatVnDateTime(iso: string | Date): string {
  const at = new Date(iso);
  return `${formatVietnamDate(at)} ${formatVietnamClock(at)}`;
}

/** The public lookup page of the dossier for filers without an account (counter, hotline). */
function lookupLine(code: string, publicUrl: string | undefined): string {
  const base = publicUrl?.replace(/\/$/, '');
  return base ? ` Tra cứu: ${base}/tra-cuu?ma=${encodeURIComponent(code)} (nhập 4 số cuối điện thoại).` : '';
}

/** The invitation to rate the service: a tokenized link for filers without an account, the dossier page for the others. */
function ratingLine(m: DossierMessage, publicUrl: string | undefined): string {
  if (m.applicantId) return ' Mời ông/bà đánh giá mức độ hài lòng trên trang hồ sơ.';
  return publicUrl ? ` Đánh giá mức độ hài lòng: ${ratingUrl(publicUrl, m.code, m.dossierId)}` : '';
}

const dong = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;
const due = (m: DossierMessage) => (m.dueAt ? formatVnDateTime(m.dueAt) : 'theo quy định');
const because = (m: DossierMessage) => (m.reason ? ` Lý do: ${m.reason}.` : '');

/** Citizen-facing text per lifecycle event (every event has one: "in-app at every change"). */
const CITIZEN: Record<DossierEventType, (m: DossierMessage, publicUrl?: string) => Rendered> = {
  submit_online: (m) => ({
    title: `Hồ sơ ${m.code} đã được gửi thành công`,
    body: `Hồ sơ ${m.code} đã được gửi thành công và đang chờ cơ quan tiếp nhận.`,
  }),
  record_at_counter: (m, publicUrl) => ({
    title: `Hồ sơ ${m.code} đã được ghi nhận tại quầy`,
    body: `Bộ phận Một cửa đã ghi nhận hồ sơ ${m.code} của ông/bà ${m.applicantName}.${lookupLine(m.code, publicUrl)}`,
  }),
  file_by_phone: (m, publicUrl) => ({
    title: `Hồ sơ ${m.code} đã được ghi nhận qua tổng đài`,
    body: `Tổng đài đã ghi nhận hồ sơ ${m.code} của ông/bà ${m.applicantName}.${lookupLine(m.code, publicUrl)}`,
  }),
  receive: (m) => ({
    title: `Hồ sơ ${m.code} đã được tiếp nhận`,
    body: `Hồ sơ ${m.code} đã được tiếp nhận, hẹn trả kết quả ${due(m)}.`,
  }),
  request_supplement: (m) => ({
    title: `Hồ sơ ${m.code} cần bổ sung`,
    body: `Hồ sơ ${m.code} cần bổ sung, hoàn thiện: ${(m.components ?? []).join('; ')}.${because(m)}`,
  }),
  supplement_provided: (m) => ({
    title: `Hồ sơ ${m.code} đã được bổ sung`,
    body: `Thành phần bổ sung của hồ sơ ${m.code} đã được ghi nhận, hẹn trả kết quả ${due(m)}.`,
  }),
  refuse: (m) => ({
    title: `Hồ sơ ${m.code} không được tiếp nhận`,
    body: `Hồ sơ ${m.code} không được tiếp nhận.${because(m)}`,
  }),
  assign: (m) => ({ title: `Hồ sơ ${m.code} đang được xử lý`, body: `Hồ sơ ${m.code} đã được chuyển cán bộ chuyên môn xử lý.` }),
  propose: (m) => ({
    title: `Hồ sơ ${m.code} đang được xử lý`,
    body: `Hồ sơ ${m.code} đã có đề xuất kết quả, đang chờ phê duyệt.`,
  }),
  approve: (m) => ({ title: `Hồ sơ ${m.code} đã được phê duyệt`, body: `Kết quả hồ sơ ${m.code} đã được lãnh đạo phê duyệt.` }),
  reject_proposal: (m) => ({ title: `Hồ sơ ${m.code} đang được xử lý`, body: `Hồ sơ ${m.code} đang được xem xét lại.` }),
  request_financial_obligation: (m) => ({
    title: `Hồ sơ ${m.code}: thực hiện nghĩa vụ tài chính`,
    body: `Hồ sơ ${m.code} cần thực hiện nghĩa vụ tài chính${m.amount ? ` số tiền ${dong(m.amount)}` : ''}.${because(m)}`,
  }),
  financial_obligation_paid: (m) => ({
    title: `Hồ sơ ${m.code}: đã ghi nhận nghĩa vụ tài chính`,
    body: `Nghĩa vụ tài chính của hồ sơ ${m.code} đã được ghi nhận, hẹn trả kết quả ${due(m)}.`,
  }),
  resolve: (m) => ({
    title: `Hồ sơ ${m.code} đã có kết quả`,
    body: `Hồ sơ ${m.code} đã giải quyết xong, mời ông/bà nhận kết quả.`,
  }),
  return_result: (m, publicUrl) => ({
    title: `Hồ sơ ${m.code} đã trả kết quả`,
    body: `${
      m.trackingNumber
        ? `Kết quả hồ sơ ${m.code} đã được gửi qua bưu chính, mã vận đơn ${m.trackingNumber}.`
        : `Kết quả hồ sơ ${m.code} đã được trả.`
    }${ratingLine(m, publicUrl)}`,
  }),
  request_withdrawal: (m) => ({
    title: `Đã gửi yêu cầu rút hồ sơ ${m.code}`,
    body: `Yêu cầu rút hồ sơ ${m.code} đang chờ xem xét.`,
  }),
  accept_withdrawal: (m) => ({ title: `Hồ sơ ${m.code} đã được rút`, body: `Yêu cầu rút hồ sơ ${m.code} đã được chấp nhận.` }),
  stop: (m) => ({ title: `Hồ sơ ${m.code} đã dừng xử lý`, body: `Hồ sơ ${m.code} đã dừng xử lý.${because(m)}` }),
  issue_apology: (m) => ({
    title: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${m.code}`,
    body: `Cơ quan xin lỗi vì hồ sơ ${m.code} chưa giải quyết đúng hạn.${because(m)} Ngày hẹn trả kết quả mới: ${m.newDueAt ? formatVnDateTime(m.newDueAt) : due(m)}.`,
  }),
};

/**
 * Events that are internal steps of the agency: the citizen sees them in the app, but they do not
 * warrant an SMS or an e-mail.
 */
const INTERNAL_EVENTS: ReadonlySet<DossierEventType> = new Set(['assign', 'propose', 'approve', 'reject_proposal']);

/** publicUrl: the configured PUBLIC_URL, for the lookup link of counter and hotline filers. */
export function renderForCitizen(m: DossierMessage, publicUrl?: string): Rendered | undefined {
  if (m.kind === 'fee_paid') {
    const amount = new Intl.NumberFormat('vi-VN').format(m.amount ?? 0);
    return {
      title: `Đã thanh toán phí hồ sơ ${m.code}`,
      body: `Hệ thống đã nhận ${amount} đ cho hồ sơ ${m.code}. Biên lai điện tử số ${m.receiptNumber ?? ''} có trong mục thanh toán của hồ sơ.`,
    };
  }
  if (m.kind === 'complaint_answered') {
    return {
      title: `Phản ánh, kiến nghị ${m.code} đã được trả lời`,
      body: `Cơ quan đã trả lời phản ánh, kiến nghị ${m.code} của ông/bà. Xem nội dung trả lời trong mục "Phản ánh, kiến nghị" của ứng dụng.`,
    };
  }
  return m.kind === 'dossier_event' && m.event ? CITIZEN[m.event](m, publicUrl) : undefined;
}

export function citizenExternalChannels(m: DossierMessage): boolean {
  if (m.kind === 'complaint_answered') return true;
  return m.kind === 'dossier_event' && m.event !== undefined && !INTERNAL_EVENTS.has(m.event);
}

/** What officers of the agency are told: new dossiers to receive, and deadlines. */
export function renderForOfficers(m: DossierMessage): Rendered | undefined {
  if (m.kind === 'due_soon') {
    return {
      title: `Hồ sơ ${m.code} sắp đến hạn`,
      body: `Hồ sơ ${m.code} của ông/bà ${m.applicantName} đến hạn trả kết quả lúc ${due(m)}. Nếu không kịp, cần lập phiếu xin lỗi và hẹn lại ngày trả kết quả trước hạn.`,
    };
  }
  if (m.kind === 'complaint_filed') {
    return {
      title: `Phản ánh, kiến nghị mới ${m.code}`,
      body: `Ông/bà ${m.applicantName} gửi phản ánh, kiến nghị ${m.code}, cần trả lời trước ${due(m)}.`,
    };
  }
  if (m.kind === 'overdue') {
    return {
      title: `Hồ sơ ${m.code} đã quá hạn`,
      body: `Hồ sơ ${m.code} của ông/bà ${m.applicantName} đã quá hạn trả kết quả (${due(m)}).`,
    };
  }
  if (m.event === 'submit_online' || m.event === 'file_by_phone' || m.event === 'supplement_provided') {
    return m.event === 'supplement_provided'
      ? { title: `Hồ sơ ${m.code} đã được bổ sung`, body: `Công dân đã bổ sung hồ sơ ${m.code}, mời tiếp tục xử lý.` }
      : { title: `Hồ sơ mới ${m.code}`, body: `Có hồ sơ mới ${m.code} của ông/bà ${m.applicantName} chờ tiếp nhận.` };
  }
  return undefined;
}
