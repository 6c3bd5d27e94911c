import type { AppContext } from '../http/context';
import type { RetentionPolicyTable } from './privacy.tables';

type Default = Pick<RetentionPolicyTable, 'category' | 'keepDays' | 'action' | 'legalBasis'>;

/**
 * The default retention periods (issue 20 point 4). The periods of dossiers follow the records
 * schedule an archivist must confirm per procedure; an administrator changes any of them
 * (PUT /api/v1/admin/privacy/retention) and may add one per procedure.
 */
export const RETENTION_DEFAULTS: readonly Default[] = [
  {
    category: 'draft_uploads',
    keepDays: 30,
    action: 'delete',
    legalBasis: 'Giấy tờ tải lên nhưng không nộp kèm hồ sơ: không có quy định phải lưu; giữ 30 ngày để hoàn thành hồ sơ.',
  },
  {
    category: 'unfinished_uploads',
    keepDays: 7,
    action: 'delete',
    legalBasis: 'Phiên tải lên dở dang và kết quả kiểm tra tệp: chỉ phục vụ kỹ thuật.',
  },
  {
    category: 'sms_outbox',
    keepDays: 30,
    action: 'delete',
    legalBasis: 'Tin nhắn SMS đã gửi: giữ 30 ngày để đối soát với nhà mạng.',
  },
  {
    category: 'sessions',
    keepDays: 30,
    action: 'delete',
    legalBasis: 'Phiên đăng nhập đã hết hạn: giữ 30 ngày để điều tra sự cố.',
  },
  {
    category: 'one_time_codes',
    keepDays: 7,
    action: 'delete',
    legalBasis: 'Mã OTP, mã đặt lại mật khẩu đã hết hạn: không còn mục đích xử lý.',
  },
  {
    category: 'assistant_conversations',
    keepDays: 30,
    action: 'delete',
    legalBasis: 'Cuộc trò chuyện với trợ lý (đã che dữ liệu cá nhân): giữ 30 ngày để trả lời tiếp và bổ sung câu hỏi thường gặp.',
  },
  {
    category: 'notifications',
    keepDays: 365,
    action: 'delete',
    legalBasis: 'Thông báo trong ứng dụng: giữ một năm.',
  },
  {
    category: 'dossiers',
    keepDays: 3650,
    action: 'anonymise',
    legalBasis:
      'Hồ sơ thủ tục hành chính đã kết thúc: lưu theo thời hạn bảo quản của Luật Lưu trữ; hết hạn thì ẩn danh người nộp và xóa giấy tờ, số liệu báo cáo vẫn giữ.',
  },
  {
    category: 'audit_log',
    keepDays: 1825,
    action: 'keep',
    legalBasis: 'Nhật ký thao tác: chỉ được ghi thêm; chủ cơ sở dữ liệu lưu trữ rồi mới xóa.',
  },
  {
    category: 'access_log',
    keepDays: 1825,
    action: 'keep',
    legalBasis: 'Nhật ký truy cập dữ liệu cá nhân: bằng chứng khi có sự cố; chỉ được ghi thêm.',
  },
];

/** Inserts the defaults that are missing; an administrator's change is never overwritten. */
export async function seedRetentionPolicies(ctx: AppContext): Promise<string[]> {
  const now = ctx.now();
  await ctx.db
    .insertInto('retentionPolicy')
    .values(RETENTION_DEFAULTS.map((d) => ({ ...d, provinceCode: ctx.config.PROVINCE_CODE, procedureCode: '*', updatedAt: now })))
    .onConflict((oc) => oc.columns(['provinceCode', 'category', 'procedureCode']).doNothing())
    .execute();
  return [];
}
