/**
 * The help the app gives on its home page and on each procedure's page (issue 15 point 6). The
 * procedure definitions (catalog) have no FAQ field, so the questions here are general ones, true of
 * every procedure; a procedure's own facts (fee, time limit, papers) are on its page already.
 * Verify with the province: the hotline number and its hours.
 */
export interface Localized {
  vi: string;
  en: string;
}

export const HOTLINE = {
  phone: '0255 3 822 222',
  hours: {
    vi: 'Thứ Hai đến Thứ Sáu, 07:30–11:30 và 13:30–17:00 (trừ ngày lễ, Tết)',
    en: 'Monday to Friday, 07:30–11:30 and 13:30–17:00 (except public holidays)',
  },
} as const;

export const GENERAL_FAQ: { question: Localized; answer: Localized }[] = [
  {
    question: { vi: 'Tôi không có tài khoản, có theo dõi hồ sơ được không?', en: 'Can I follow my dossier without an account?' },
    answer: {
      vi: 'Được. Vào mục "Tra cứu hồ sơ", nhập mã hồ sơ trên giấy tiếp nhận hoặc tin nhắn và 4 số cuối điện thoại người nộp (hoặc mã PIN in trên giấy tiếp nhận).',
      en: 'Yes. Open "Look up a dossier" and enter the code from the receipt or the text message with the last 4 digits of the filer’s phone (or the PIN printed on the receipt).',
    },
  },
  {
    question: { vi: 'Quên mật khẩu thì làm thế nào?', en: 'What if I forget my password?' },
    answer: {
      vi: 'Bấm "Quên mật khẩu" ở trang đăng nhập; mã xác nhận được gửi bằng tin nhắn đến số điện thoại đã đăng ký.',
      en: 'Tap "Forgot password" on the sign-in page; a code is sent by text message to the registered phone.',
    },
  },
  {
    question: { vi: 'Nộp trực tuyến có nhanh hơn không?', en: 'Is filing online faster?' },
    answer: {
      vi: 'Có. Hồ sơ nộp trực tuyến được rút ngắn thời gian giải quyết theo quy định của tỉnh; ngày hẹn trả hiện trên trang hồ sơ.',
      en: 'Yes. Dossiers filed online are handled in a shorter time under the province’s rules; the expected date shows on the dossier’s page.',
    },
  },
  {
    question: { vi: 'Hồ sơ trễ hạn thì sao?', en: 'What if my dossier is late?' },
    answer: {
      vi: 'Cơ quan phải gửi thư xin lỗi và hẹn lại ngày trả kết quả. Ông/bà có thể gửi phản ánh, kiến nghị từ trang hồ sơ.',
      en: 'The agency must send an apology with a new date. You can send feedback from the dossier’s page.',
    },
  },
  {
    question: { vi: 'Muốn rút hồ sơ đã nộp?', en: 'How do I withdraw a dossier?' },
    answer: {
      vi: 'Mở trang hồ sơ và chọn "Xin rút hồ sơ"; cơ quan xem xét và báo lại kết quả.',
      en: 'Open the dossier’s page and choose "Withdraw"; the agency reviews the request and tells you.',
    },
  },
];
