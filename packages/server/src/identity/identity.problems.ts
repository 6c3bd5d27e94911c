import { problem } from '../http/problem';
import { OTP_MAX_ATTEMPTS } from './identity.service';

/** The Vietnamese answers for the identity service's expected failures. */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "14:05 ngày 03/02/2026", in Vietnam's time. */
export function formatVietnamTime(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

export const identityProblems = {
  phoneTaken: () =>
    problem(409, 'phone-taken', 'Số điện thoại này đã được đăng ký', {
      detail: 'Vui lòng đăng nhập. Nếu bạn không tạo tài khoản này, hãy liên hệ bộ phận hỗ trợ.',
      errors: [{ field: 'body.phone', message: 'Số điện thoại đã được đăng ký' }],
    }),
  codeInvalid: (attemptsLeft: number) =>
    problem(400, 'code-invalid', 'Mã xác thực không đúng', {
      detail: attemptsLeft > 0 ? `Bạn còn ${attemptsLeft} lần thử.` : 'Vui lòng yêu cầu gửi lại mã mới.',
      errors: [{ field: 'body.code', message: 'Mã xác thực không đúng' }],
    }),
  codeExpired: () =>
    problem(400, 'code-expired', 'Mã xác thực đã hết hạn', {
      detail: 'Mã chỉ có hiệu lực trong 5 phút. Vui lòng yêu cầu gửi lại mã mới.',
      errors: [{ field: 'body.code', message: 'Mã xác thực đã hết hạn' }],
    }),
  tooManyCodeAttempts: () =>
    problem(429, 'code-attempts-exceeded', `Bạn đã nhập sai mã xác thực quá ${OTP_MAX_ATTEMPTS} lần`, {
      detail: 'Vui lòng yêu cầu gửi lại mã mới.',
    }),
  invalidCredentials: () =>
    problem(401, 'invalid-credentials', 'Số điện thoại hoặc mật khẩu không đúng', {
      detail: 'Vui lòng kiểm tra lại. Tài khoản sẽ bị tạm khóa 15 phút sau 5 lần đăng nhập sai liên tiếp.',
    }),
  locked: (until: Date) =>
    problem(423, 'account-locked', 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần', {
      detail: `Vui lòng thử lại sau ${formatVietnamTime(until)}.`,
      retryAt: until.toISOString(),
    }),
  phoneUnverified: () =>
    problem(403, 'phone-unverified', 'Số điện thoại chưa được xác thực', {
      detail: 'Vui lòng nhập mã xác thực đã gửi qua tin nhắn SMS để kích hoạt tài khoản, hoặc yêu cầu gửi lại mã.',
    }),
  rateLimited: (retryAfterSeconds: number) =>
    problem(429, 'too-many-requests', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', {
      detail: `Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    }),
};
