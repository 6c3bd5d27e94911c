import { formatVietnamClock, formatVietnamDate } from '@dvc/domain/vietnam-time';
import { problem } from '../http/problem';

/** The Vietnamese answers for the identity service's expected failures. */

/** "14:05 ngày 03/02/2026", in Vietnam's time. */
export function formatVietnamTime(date: Date): string {
  return `${formatVietnamClock(date)} ngày ${formatVietnamDate(date)}`;
}

/** "45 giây", "3 phút", "2 giờ": how long until `at`, rounded up. */
export function waitText(at: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} giây`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `${minutes} phút` : `${Math.ceil(minutes / 60)} giờ`;
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
  tooManyCodeAttempts: (retryAt: Date | null, now: Date) =>
    problem(429, 'code-attempts-exceeded', 'Bạn đã nhập sai mã xác thực quá nhiều lần', {
      detail: retryAt
        ? `Vui lòng thử lại sau ${waitText(retryAt, now)}.`
        : 'Mã này không còn dùng được. Vui lòng yêu cầu gửi lại mã mới.',
      ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
    }),
  codeTooSoon: (retryAt: Date, now: Date) =>
    problem(429, 'code-too-soon', 'Mã xác thực vừa được gửi tới số điện thoại này', {
      detail: `Vui lòng dùng mã đã nhận, hoặc chờ ${waitText(retryAt, now)} rồi yêu cầu mã mới.`,
      retryAt: retryAt.toISOString(),
    }),
  codeDailyLimit: (retryAt: Date, now: Date) =>
    problem(429, 'code-daily-limit', 'Số điện thoại này đã nhận đủ số mã xác thực cho phép trong ngày', {
      detail: `Vui lòng thử lại sau ${waitText(retryAt, now)}.`,
      retryAt: retryAt.toISOString(),
    }),
  signUpUnknown: () =>
    problem(400, 'sign-up-unknown', 'Vui lòng nhập mã trên thiết bị bạn đã dùng để đăng ký', {
      detail: 'Số điện thoại này có nhiều lượt đăng ký đang chờ xác thực. Nếu không còn trang đăng ký, hãy đăng ký lại.',
      errors: [{ field: 'body.code', message: 'Không xác định được lượt đăng ký của mã này' }],
    }),
  invalidCredentials: () =>
    problem(401, 'invalid-credentials', 'Số điện thoại hoặc mật khẩu không đúng', {
      detail: 'Vui lòng kiểm tra lại. Sau nhiều lần nhập sai, bạn sẽ phải chờ một lúc trước khi thử lại.',
    }),
  loginThrottled: (retryAt: Date, now: Date) =>
    problem(429, 'login-throttled', `Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau ${waitText(retryAt, now)}`, {
      detail: `Có thể đăng nhập lại từ ${formatVietnamTime(retryAt)}.`,
      retryAt: retryAt.toISOString(),
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
