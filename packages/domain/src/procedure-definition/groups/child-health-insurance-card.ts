import type { ProcedureDefinitionInput } from '../definition';
import { applicantField, childField, DOCUMENT_FILES, noteField } from './shared';

/**
 * Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi, third member of the birth interlinked group, as data.
 * The form is the Tờ khai tham gia BHYT (TK1-TS) for the child: who the child is, where the card is
 * used first (nơi đăng ký khám bệnh, chữa bệnh ban đầu) and where it is sent.
 */
export const childHealthInsuranceCardDefinition: ProcedureDefinitionInput = {
  code: 'QNG-BHYT-TRE-EM-DUOI-6',
  slug: 'cap-the-bhyt-tre-em-duoi-6-tuoi',
  names: { vi: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', en: 'Health-insurance card for a child under 6' },
  colloquialNames: [
    'thẻ bảo hiểm y tế cho con',
    'thẻ bhyt',
    'bhyt trẻ em',
    'bảo hiểm cho bé',
    'thẻ bảo hiểm trẻ em',
    'bảo hiểm y tế trẻ em',
  ],
  topic: 'bao-hiem',
  authority: [
    { until: '2025-06-30', level: 'district', agencyKind: 'social_insurance_agency' },
    { from: '2025-07-01', level: 'province', agencyKind: 'social_insurance_agency' },
  ],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 2 },
  // The state budget pays the contribution for children under 6: nothing is charged.
  fee: { kind: 'none' },
  components: [
    {
      id: 'danh-sach-to-khai',
      name: {
        vi: 'Tờ khai tham gia bảo hiểm y tế của trẻ em (dữ liệu từ hồ sơ khai sinh)',
        en: "Child's health-insurance enrolment form (data from the birth registration)",
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'electronic',
      ...DOCUMENT_FILES,
      notes: 'Khi nộp liên thông, thông tin được lấy từ hồ sơ đăng ký khai sinh; người dân không phải nộp thêm.',
      notesEn: 'When filed together, the details are taken from the birth registration; nothing more to hand in.',
    },
  ],
  result: { kind: 'card', isDocument: true, issuer: 'recorded-outcome', template: 'the-bao-hiem-y-te' },
  interlink: { group: 'birth', order: 3 },
  legalBasis: ['Luật Bảo hiểm y tế 2008 (sửa đổi 2014, 2024)', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  form: {
    steps: [
      { id: 'nguoi-yeu-cau', title: { vi: 'Người kê khai', en: 'Declarant' }, fields: [applicantField] },
      { id: 'nguoi-tham-gia', title: { vi: 'Trẻ tham gia bảo hiểm y tế', en: 'Insured child' }, fields: [childField] },
      {
        id: 'kham-chua-benh',
        title: { vi: 'Khám bệnh, chữa bệnh ban đầu', en: 'Primary care' },
        fields: [
          {
            key: 'primaryCareFacility',
            type: 'text',
            label: { vi: 'Nơi đăng ký khám bệnh, chữa bệnh ban đầu', en: 'Primary care facility' },
            help: { vi: 'Trạm y tế xã, phường hoặc bệnh viện nơi trẻ khám, chữa bệnh ban đầu' },
            params: { maxLength: 255 },
          },
          {
            key: 'cardDelivery',
            type: 'radio',
            label: { vi: 'Nhận thẻ bảo hiểm y tế', en: 'Card delivery' },
            params: {
              options: [
                { value: 'electronic', label: { vi: 'Thẻ điện tử trên ứng dụng VssID', en: 'Electronic (VssID)' } },
                { value: 'post', label: { vi: 'Thẻ giấy qua dịch vụ bưu chính', en: 'Paper card by post' } },
              ],
            },
          },
          {
            key: 'cardPostalAddress',
            type: 'text',
            label: { vi: 'Địa chỉ nhận thẻ', en: 'Postal address' },
            visibleIf: { '==': [{ var: 'cardDelivery' }, 'post'] },
            requiredMessage: 'Vui lòng nhập địa chỉ nhận thẻ bảo hiểm y tế qua bưu điện',
            requiredMessageEn: 'Please enter the address to post the health-insurance card to',
          },
        ],
      },
      { id: 'ghi-chu', title: { vi: 'Ghi chú', en: 'Note' }, fields: [noteField] },
    ],
  },
  verify: [
    'Mã thủ tục quốc gia chưa tìm được: "QNG-BHYT-TRE-EM-DUOI-6" là mã tạm; các mã liên thông tìm thấy là của cả nhóm (2.000986, sau thay bằng 3.000722), không phải của riêng thủ tục cấp thẻ.',
    'Cơ quan: BHXH cấp huyện trước 01/7/2025; sau sắp xếp là BHXH tỉnh/BHXH cơ sở — ghi "province", cần xác nhận.',
    'Thời hạn 2 ngày làm việc trong nhóm liên thông (báo chí dẫn Quyết định 296/QĐ-VPCP).',
  ],
};
