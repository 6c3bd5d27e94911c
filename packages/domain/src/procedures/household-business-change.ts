import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Đăng ký thay đổi nội dung đăng ký hộ kinh doanh — proposed for the app in the pilot report (seed 002). */
export const householdBusinessChange: ProcedureDefinitionInput = {
  code: '2.000720',
  slug: 'dang-ky-thay-doi-noi-dung-ho-kinh-doanh',
  name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
  nameEn: 'Change of household business registration content',
  colloquialNames: [
    'thay đổi',
    'đổi địa chỉ kinh doanh',
    'đổi tên hộ kinh doanh',
    'đổi chủ hộ kinh doanh',
    'sửa giấy phép kinh doanh',
    'chuyển địa điểm kinh doanh',
    'bổ sung ngành nghề',
    'thêm ngành nghề',
    'tăng vốn',
  ],
  topic: 'ho-kinh-doanh',
  authority: {
    before2025: 'district',
    from2025: 'commune',
    agencyKind: 'commune_people_committee',
    agencyKindBefore2025: 'district_people_committee',
  },
  onlineLevel: 'full',
  legalDurationWorkingDays: 3,
  fee: {
    kind: 'fixed',
    amount: 100_000,
    onlineReductionPercent: 50,
    payableAt: 'submission',
    legalBasis:
      'Lệ phí đăng ký hộ kinh doanh do HĐND tỉnh quyết định (Thông tư 85/2019/TT-BTC); giảm 50% khi nộp trực tuyến theo Nghị quyết 11/2022 và 13/2022 của HĐND tỉnh Quảng Ngãi',
  },
  components: [
    {
      id: 'thong-bao-thay-doi',
      name: 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
      nameEn: 'Notice of changes to the household business registration',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'bien-ban-hop-thanh-vien',
      name: 'Bản sao biên bản họp thành viên hộ gia đình về việc thay đổi nội dung đăng ký',
      nameEn: "Copy of the minutes of the household members' meeting on the changes",
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi hộ kinh doanh do các thành viên hộ gia đình đăng ký.',
      notesEn: 'Only when the business was registered by household members.',
    },
    {
      id: 'giay-to-chu-ho-moi',
      name: 'Bản sao giấy tờ pháp lý của cá nhân của chủ hộ kinh doanh mới',
      nameEn: "Copy of the new owner's personal identity papers",
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi thay đổi chủ hộ kinh doanh.',
      notesEn: 'Only when the owner of the business changes.',
    },
    {
      id: 'hop-dong-chuyen-nhuong',
      name: 'Hợp đồng mua bán, tặng cho hoặc giấy tờ thừa kế hộ kinh doanh',
      nameEn: 'Contract of sale or gift, or inheritance papers, for the business',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi thay đổi chủ hộ do mua bán, tặng cho hoặc thừa kế.',
      notesEn: 'Only when the owner changes through a sale, gift or inheritance.',
    },
  ],
  resultKind: 'certificate',
  resultIsDocument: true,
  legalBasis: [
    'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp (hồ sơ tiếp nhận đến 30/6/2025)',
    'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp (từ 01/7/2025)',
    'Thông tư 68/2025/TT-BTC (biểu mẫu)',
  ],
  verify: [
    'Lệ phí thay đổi nội dung lấy bằng lệ phí đăng ký (100.000 đ) theo DOMAIN.md; chưa đối chiếu nghị quyết HĐND tỉnh — một số tỉnh thu mức thấp hơn cho việc thay đổi.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến của tỉnh.',
  ],
};
