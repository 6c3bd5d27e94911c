import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/**
 * Thông báo hoạt động khuyến mại — the enterprise procedure of the 2022 pilot (seeds 001, 002).
 * The office only takes note: there is no decision to wait for, but the notice must arrive at
 * least 3 working days before the promotion starts.
 */
export const promotionNotice: ProcedureDefinitionInput = {
  code: 'QNG-TB-KHUYEN-MAI',
  slug: 'thong-bao-hoat-dong-khuyen-mai',
  name: 'Thông báo hoạt động khuyến mại',
  nameEn: 'Promotional-activity notification',
  colloquialNames: ['khuyến mãi', 'chương trình khuyến mãi', 'giảm giá', 'tặng quà', 'bốc thăm trúng thưởng'],
  topic: 'thuong-mai',
  authority: { before2025: 'province', from2025: 'province', agencyKind: 'department_industry_trade' },
  onlineLevel: 'full',
  legalDurationWorkingDays: 0,
  minimumNoticeWorkingDays: 3,
  fee: { kind: 'none' },
  components: [
    {
      id: 'thong-bao-khuyen-mai',
      name: 'Thông báo hoạt động khuyến mại (theo mẫu)',
      nameEn: 'Promotion notice (on the official form)',
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Gửi đến Sở Công Thương mỗi tỉnh nơi thực hiện khuyến mại, tối thiểu 03 ngày làm việc trước khi bắt đầu.',
      notesEn:
        'Send it to the Department of Industry and Trade of each province where the promotion runs, at least 3 working days before it starts.',
    },
  ],
  resultKind: 'acknowledgement',
  resultIsDocument: false,
  legalBasis: [
    'Luật Thương mại 2005',
    'Nghị định 81/2018/NĐ-CP quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại',
    'Nghị định 128/2024/NĐ-CP sửa đổi, bổ sung Nghị định 81/2018/NĐ-CP',
  ],
  verify: [
    'Mã thủ tục quốc gia chưa tìm được: "QNG-TB-KHUYEN-MAI" là mã tạm của tỉnh, phải thay bằng mã trong Cơ sở dữ liệu quốc gia về TTHC.',
    'Số hiệu mẫu thông báo theo Nghị định 128/2024 chưa xác nhận.',
  ],
};
