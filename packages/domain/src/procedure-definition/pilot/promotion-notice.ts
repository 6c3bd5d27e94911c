import type { ProcedureDefinitionInput } from '../definition';
import { DOCUMENT_FILES } from './shared';

/** Forms of promotion of art. 92 of the Law on Commerce 2005 whose programme gives prizes or goods to declare. */
const WITH_PRIZES = ['tang-qua', 'phieu-du-thi', 'may-rui', 'khach-hang-thuong-xuyen'];

/** Thông báo hoạt động khuyến mại (provincial placeholder code), as data. */
export const promotionNoticeDefinition: ProcedureDefinitionInput = {
  code: 'QNG-TB-KHUYEN-MAI',
  slug: 'thong-bao-hoat-dong-khuyen-mai',
  names: { vi: 'Thông báo hoạt động khuyến mại', en: 'Promotional-activity notification' },
  colloquialNames: ['khuyến mãi', 'chương trình khuyến mãi', 'giảm giá', 'tặng quà', 'bốc thăm trúng thưởng'],
  topic: 'thuong-mai',
  authority: [{ level: 'province', agencyKind: 'department_industry_trade' }],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 0, note: 'Cơ quan chỉ tiếp nhận thông báo, không ra quyết định.' },
  notice: {
    workingDaysBefore: 3,
    eventField: 'startDate',
    message: 'Ngày bắt đầu sớm nhất là {date} (thông báo phải gửi trước ít nhất {days} ngày làm việc)',
    messageEn: 'The start date can be {date} at the earliest (the notice must arrive {days} working days before)',
  },
  fee: { kind: 'none' },
  components: [
    {
      id: 'thong-bao-khuyen-mai',
      name: { vi: 'Thông báo hoạt động khuyến mại (theo mẫu)', en: 'Promotion notice (on the official form)' },
      requirement: { kind: 'mandatory' },
      copyKind: 'electronic',
      ...DOCUMENT_FILES,
      notes: 'Gửi đến Sở Công Thương mỗi tỉnh nơi thực hiện khuyến mại, tối thiểu 03 ngày làm việc trước khi bắt đầu.',
      notesEn:
        'Send it to the Department of Industry and Trade of each province where the promotion runs, at least 3 working days before it starts.',
    },
  ],
  result: { kind: 'acknowledgement', isDocument: false, issuer: 'acknowledgement', template: 'xac-nhan-thong-bao' },
  legalBasis: [
    'Luật Thương mại 2005',
    'Nghị định 81/2018/NĐ-CP quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại',
    'Nghị định 128/2024/NĐ-CP sửa đổi, bổ sung Nghị định 81/2018/NĐ-CP',
  ],
  verify: [
    'Mã thủ tục quốc gia chưa tìm được: "QNG-TB-KHUYEN-MAI" là mã tạm của tỉnh, phải thay bằng mã trong Cơ sở dữ liệu quốc gia về TTHC.',
    'Số hiệu mẫu thông báo theo Nghị định 128/2024 chưa xác nhận.',
  ],
  form: {
    steps: [
      {
        id: 'doanh-nghiep',
        title: { vi: 'Doanh nghiệp', en: 'Enterprise' },
        fields: [
          { key: 'taxCode', type: 'tax-code', label: { vi: 'Mã số thuế', en: 'Tax code' } },
          { key: 'enterpriseName', type: 'text', label: { vi: 'Tên doanh nghiệp', en: 'Enterprise name' } },
        ],
      },
      {
        id: 'chuong-trinh',
        title: { vi: 'Chương trình khuyến mại', en: 'Programme' },
        fields: [
          { key: 'programmeName', type: 'text', label: { vi: 'Tên chương trình khuyến mại', en: 'Programme name' } },
          {
            key: 'promotionForm',
            type: 'select',
            label: { vi: 'Hình thức khuyến mại', en: 'Form of promotion' },
            params: {
              options: [
                {
                  value: 'hang-mau',
                  label: { vi: 'Đưa hàng mẫu, cung ứng dịch vụ mẫu để khách hàng dùng thử không phải trả tiền' },
                },
                { value: 'tang-qua', label: { vi: 'Tặng hàng hóa, cung ứng dịch vụ không thu tiền' } },
                {
                  value: 'giam-gia',
                  label: { vi: 'Bán hàng, cung ứng dịch vụ với giá thấp hơn giá trước đó (giảm giá)' },
                },
                {
                  value: 'phieu-mua-hang',
                  label: { vi: 'Bán hàng, cung ứng dịch vụ kèm phiếu mua hàng, phiếu sử dụng dịch vụ' },
                },
                {
                  value: 'phieu-du-thi',
                  label: { vi: 'Bán hàng, cung ứng dịch vụ kèm phiếu dự thi để chọn người trao thưởng' },
                },
                {
                  value: 'may-rui',
                  label: { vi: 'Bán hàng, cung ứng dịch vụ kèm tham dự chương trình mang tính may rủi' },
                  refusedMessage: 'Chương trình khuyến mại mang tính may rủi phải làm thủ tục đăng ký, không dùng thông báo',
                },
                { value: 'khach-hang-thuong-xuyen', label: { vi: 'Chương trình khách hàng thường xuyên' } },
                {
                  value: 'van-hoa-giai-tri',
                  label: { vi: 'Chương trình văn hóa, nghệ thuật, giải trí và sự kiện khác vì mục đích khuyến mại' },
                },
                {
                  value: 'khac',
                  label: { vi: 'Hình thức khuyến mại khác (phải được Bộ Công Thương chấp thuận)' },
                  refusedMessage: 'Hình thức khuyến mại khác phải được Bộ Công Thương chấp thuận, không dùng thông báo',
                },
              ],
            },
          },
          {
            key: 'goods',
            type: 'long-text',
            label: { vi: 'Hàng hóa, dịch vụ được khuyến mại', en: 'Goods and services' },
          },
          {
            key: 'area',
            type: 'text',
            label: { vi: 'Địa bàn thực hiện khuyến mại', en: 'Area' },
            params: { maxLength: 500 },
          },
        ],
      },
      {
        id: 'giai-thuong',
        title: { vi: 'Giải thưởng, hàng hóa khuyến mại', en: 'Prizes' },
        fields: [
          {
            key: 'prizes',
            type: 'repeat',
            label: { vi: 'Giải thưởng, hàng hóa khuyến mại', en: 'Prizes' },
            name: 'giải thưởng',
            nameEn: 'the prizes',
            params: { absentAsEmpty: true },
            requiredIf: { in: [{ var: 'promotionForm' }, WITH_PRIZES] },
            requiredMessage: 'Vui lòng kê khai giải thưởng, hàng hóa khuyến mại và giá trị',
            requiredMessageEn: 'Please list the prizes or promotional goods and their value',
            fields: [
              {
                key: 'description',
                type: 'text',
                label: { vi: 'Tên giải thưởng, hàng hóa khuyến mại', en: 'Description' },
                params: { maxLength: 500 },
              },
              {
                key: 'quantity',
                type: 'number',
                label: { vi: 'Số lượng', en: 'Quantity' },
                params: { integer: true, positive: true },
              },
              { key: 'unitValue', type: 'money', label: { vi: 'Giá trị', en: 'Unit value' } },
            ],
          },
        ],
      },
      {
        id: 'thoi-gian',
        title: { vi: 'Thời gian', en: 'Dates' },
        fields: [
          { key: 'startDate', type: 'date', label: { vi: 'Ngày bắt đầu', en: 'Start date' } },
          { key: 'endDate', type: 'date', label: { vi: 'Ngày kết thúc', en: 'End date' } },
        ],
      },
    ],
    rules: [
      {
        kind: 'logic',
        id: 'ket-thuc-sau-bat-dau',
        assert: { '>=': [{ var: 'endDate' }, { var: 'startDate' }] },
        path: 'endDate',
        message: 'Ngày kết thúc không được trước ngày bắt đầu',
        messageEn: 'The end date cannot be before the start date',
      },
    ],
  },
};
