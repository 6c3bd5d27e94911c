import type { Formula, RateKey } from '@dvc/domain/indicator-report';

/** Each formula beside its denominator and legal source (served with every report; the screen shows it). */
export const FORMULAS: Record<RateKey, Formula> = {
  online: {
    label: 'Tỷ lệ hồ sơ trực tuyến',
    numerator: 'Hồ sơ tiếp nhận trực tuyến trong kỳ (Cổng DVC + ứng dụng di động)',
    denominator: 'Hồ sơ tiếp nhận mới trong kỳ (không tính kỳ trước chuyển qua)',
    source: 'QĐ 766/QĐ-TTg ngày 23/6/2022; CV 5226/UBND-TTHC ngày 13/10/2022',
  },
  onTime: {
    label: 'Tỷ lệ giải quyết đúng hạn',
    numerator: 'Hồ sơ đã giải quyết đúng hạn + hồ sơ đang giải quyết còn trong hạn cuối kỳ',
    denominator: 'Hồ sơ đã giải quyết trong kỳ + hồ sơ đang giải quyết cuối kỳ (không tính hồ sơ rút)',
    source: 'QĐ 766/QĐ-TTg ngày 23/6/2022 (nhóm Tiến độ giải quyết)',
  },
  electronicResult: {
    label: 'Tỷ lệ trả kết quả điện tử',
    numerator: 'Hồ sơ đã giải quyết có kết quả điện tử',
    denominator: 'Hồ sơ đã giải quyết có kết quả (không tính hồ sơ từ chối, dừng)',
    source: 'QĐ 766/QĐ-TTg ngày 23/6/2022 (nhóm Số hóa hồ sơ)',
  },
  digitization: {
    label: 'Tỷ lệ số hóa hồ sơ, kết quả',
    numerator: 'Hồ sơ kết thúc trong kỳ có đủ thành phần số hóa và kết quả số hóa',
    denominator: 'Hồ sơ kết thúc trong kỳ',
    source: 'QĐ 766/QĐ-TTg ngày 23/6/2022 (nhóm Số hóa hồ sơ)',
  },
  componentDigitization: {
    label: 'Tỷ lệ số hóa thành phần hồ sơ',
    numerator: 'Hồ sơ tiếp nhận trong kỳ được số hóa đầy đủ thành phần',
    denominator: 'Hồ sơ tiếp nhận mới trong kỳ',
    source: 'QĐ 766/QĐ-TTg ngày 23/6/2022; NĐ 107/2021/NĐ-CP',
  },
  onlinePayment: {
    label: 'Tỷ lệ thanh toán trực tuyến',
    numerator: 'Hồ sơ tiếp nhận trong kỳ đã thanh toán trực tuyến',
    denominator: 'Hồ sơ tiếp nhận trong kỳ có phí, lệ phí (không tính thủ tục miễn phí)',
    source:
      'QĐ 766/QĐ-TTg ngày 23/6/2022 (nhóm Thanh toán trực tuyến), tính trên tổng số giao dịch thanh toán như Báo cáo 1999/BC-VP ngày 06/10/2023 (28,71%)',
  },
  satisfaction: {
    label: 'Mức độ hài lòng',
    numerator: '100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có phản ánh, kiến nghị; phản ánh, kiến nghị gửi trong kỳ về hồ sơ)',
    denominator: 'Mẫu số của tỷ lệ đúng hạn',
    source: 'QĐ 766/QĐ-TTg ngày 23/6/2022 (nhóm Mức độ hài lòng)',
  },
  reuse: {
    label: 'Tỷ lệ tái sử dụng dữ liệu số hóa',
    numerator: 'Hồ sơ tiếp nhận trong kỳ có ít nhất một thành phần dùng lại từ dữ liệu đã số hóa',
    denominator: 'Hồ sơ tiếp nhận mới trong kỳ',
    source:
      'QĐ 766/QĐ-TTg ngày 23/6/2022 (nhóm Số hóa hồ sơ); Báo cáo 1999/BC-VP ngày 06/10/2023 (157 hồ sơ, 0,04%). Hệ thống chưa ghi nhận việc dùng lại giấy tờ: chưa có dữ liệu',
  },
};
