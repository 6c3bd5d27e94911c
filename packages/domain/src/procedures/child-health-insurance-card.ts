import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi — third member of the birth interlinked group (seed 004). */
export const childHealthInsuranceCard: ProcedureDefinitionInput = {
  code: 'QNG-BHYT-TRE-EM-DUOI-6',
  slug: 'cap-the-bhyt-tre-em-duoi-6-tuoi',
  name: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  nameEn: 'Health-insurance card for a child under 6',
  colloquialNames: [
    'thẻ bảo hiểm y tế cho con',
    'thẻ bhyt',
    'bhyt trẻ em',
    'bảo hiểm cho bé',
    'thẻ bảo hiểm trẻ em',
    'bảo hiểm y tế trẻ em',
  ],
  topic: 'bao-hiem',
  authority: { before2025: 'district', from2025: 'province', agencyKind: 'social_insurance_agency' },
  onlineLevel: 'full',
  legalDurationWorkingDays: 2,
  // The state budget pays the contribution for children under 6: nothing is charged.
  fee: { kind: 'none' },
  components: [
    {
      id: 'danh-sach-to-khai',
      name: 'Tờ khai tham gia bảo hiểm y tế của trẻ em (dữ liệu từ hồ sơ khai sinh)',
      nameEn: "Child's health-insurance enrolment form (data from the birth registration)",
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Khi nộp liên thông, thông tin được lấy từ hồ sơ đăng ký khai sinh; người dân không phải nộp thêm.',
      notesEn: 'When filed together, the details are taken from the birth registration; nothing more to hand in.',
    },
  ],
  resultKind: 'card',
  resultIsDocument: true,
  legalBasis: ['Luật Bảo hiểm y tế 2008 (sửa đổi 2014, 2024)', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  interlinkGroup: 'birth',
  verify: [
    'Mã thủ tục quốc gia chưa tìm được: "QNG-BHYT-TRE-EM-DUOI-6" là mã tạm; các mã liên thông tìm thấy là của cả nhóm (2.000986, sau thay bằng 3.000722), không phải của riêng thủ tục cấp thẻ.',
    'Cơ quan: BHXH cấp huyện trước 01/7/2025; sau sắp xếp là BHXH tỉnh/BHXH cơ sở — ghi "province", cần xác nhận.',
    'Thời hạn 2 ngày làm việc trong nhóm liên thông (báo chí dẫn Quyết định 296/QĐ-VPCP).',
  ],
};
