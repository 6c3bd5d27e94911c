import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Đăng ký thành lập hộ kinh doanh — one of the three procedures of the 2022 pilot (seeds 001, 002). */
export const householdBusinessRegistration: ProcedureDefinitionInput = {
  code: '1.001612',
  slug: 'dang-ky-thanh-lap-ho-kinh-doanh',
  name: 'Đăng ký thành lập hộ kinh doanh',
  nameEn: 'Household business registration',
  colloquialNames: [
    'giấy phép kinh doanh',
    'giấy phép kinh doanh hộ gia đình',
    'đăng ký kinh doanh',
    'mở cửa hàng',
    'mở quán',
    'mở tiệm',
    'mở shop',
    'quán cà phê',
    'quán cafe',
    'quán ăn',
    'tiệm tạp hóa',
    'buôn bán',
    'bán hàng',
    'giấy chứng nhận đăng ký hộ kinh doanh',
    'làm giấy phép kinh doanh mới',
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
      id: 'giay-de-nghi',
      name: 'Giấy đề nghị đăng ký hộ kinh doanh',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-to-phap-ly-ca-nhan',
      name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ và các thành viên hộ gia đình đăng ký hộ kinh doanh',
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Không cần nộp khi thông tin đã được xác thực qua Cơ sở dữ liệu quốc gia về dân cư (tài khoản định danh điện tử).',
    },
    {
      id: 'bien-ban-hop-thanh-vien',
      name: 'Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.',
    },
    {
      id: 'van-ban-uy-quyen',
      name: 'Văn bản ủy quyền cho người nộp hồ sơ',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi người nộp không phải chủ hộ kinh doanh.',
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
    'Lệ phí 100.000 đ: mức phổ biến, chưa đối chiếu được với nghị quyết HĐND tỉnh Quảng Ngãi đang hiệu lực; mức giảm 50% trực tuyến theo Nghị quyết 11/2022 và 13/2022 (seed 003) — cần xác nhận thời hạn áp dụng.',
    'Mức độ "toàn trình" suy từ việc tỉnh chỉ nhận hồ sơ trực tuyến từ 6/2023 (seed 002); chưa đối chiếu Quyết định công bố danh mục DVC trực tuyến của tỉnh.',
    'Thành phần hồ sơ theo Nghị định 01/2021 (Điều 87); cần đối chiếu lại với Nghị định 168/2025 và Thông tư 68/2025.',
  ],
};
