import type { ProcedureDefinitionInput } from '../definition';
import {
  businessLinesField,
  businessNameField,
  capitalField,
  DOCUMENT_FILES,
  employeesField,
  HOUSEHOLD_BUSINESS_AUTHORITY,
  HOUSEHOLD_BUSINESS_ONLINE_ONLY,
  locationField,
  membersField,
  ownerField,
} from './shared';

/** Đăng ký thành lập hộ kinh doanh (1.001612), as data: the facts of procedures/ and the form of forms/. */
export const householdBusinessRegistrationDefinition: ProcedureDefinitionInput = {
  code: '1.001612',
  slug: 'dang-ky-thanh-lap-ho-kinh-doanh',
  names: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
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
  authority: [...HOUSEHOLD_BUSINESS_AUTHORITY],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 3 },
  fee: {
    kind: 'fixed',
    amount: 100_000,
    onlineReduction: { percent: 50 },
    payableAt: 'submission',
    legalBasis:
      'Lệ phí đăng ký hộ kinh doanh do HĐND tỉnh quyết định (Thông tư 85/2019/TT-BTC); giảm 50% khi nộp trực tuyến theo Nghị quyết 11/2022 và 13/2022 của HĐND tỉnh Quảng Ngãi',
  },
  components: [
    {
      id: 'giay-de-nghi',
      name: { vi: 'Giấy đề nghị đăng ký hộ kinh doanh', en: 'Application for household business registration' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-to-phap-ly-ca-nhan',
      name: {
        vi: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ và các thành viên hộ gia đình đăng ký hộ kinh doanh',
        en: 'Copies of the personal identity papers of the owner and of the household members registering the business',
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
      notes: 'Không cần nộp khi thông tin đã được xác thực qua Cơ sở dữ liệu quốc gia về dân cư (tài khoản định danh điện tử).',
      notesEn:
        'Not needed when your details are verified through the National Population Database (electronic identity account).',
      waivedByVerifiedIdentity: true,
    },
    {
      id: 'bien-ban-hop-thanh-vien',
      name: {
        vi: 'Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
        en: "Copy of the minutes of the household members' meeting on setting up the business",
      },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.',
        whenEn: 'Only when household members register the business together.',
        condition: { '>': [{ var: 'members.length' }, 0] },
      },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
    {
      id: 'van-ban-uy-quyen',
      name: { vi: 'Văn bản ủy quyền cho người nộp hồ sơ', en: 'Letter of authorisation for the person filing' },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi người nộp không phải chủ hộ kinh doanh.',
        whenEn: 'Only when the person filing is not the owner of the business.',
      },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
  ],
  result: {
    kind: 'certificate',
    isDocument: true,
    issuer: 'household-business-register',
    template: 'giay-chung-nhan-dang-ky-ho-kinh-doanh',
  },
  onlineOnly: HOUSEHOLD_BUSINESS_ONLINE_ONLY,
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
  form: {
    steps: [
      { id: 'ten', title: { vi: 'Tên hộ kinh doanh', en: 'Business name' }, fields: [businessNameField] },
      { id: 'dia-diem', title: { vi: 'Địa điểm kinh doanh', en: 'Business location' }, fields: [locationField] },
      { id: 'nganh-nghe', title: { vi: 'Ngành, nghề kinh doanh', en: 'Business lines' }, fields: [businessLinesField] },
      { id: 'von', title: { vi: 'Vốn và lao động', en: 'Capital and employees' }, fields: [capitalField, employeesField] },
      {
        id: 'chu-ho',
        title: { vi: 'Chủ hộ kinh doanh', en: 'Owner' },
        fields: [{ ...ownerField, prefill: 'verified-identity' }],
      },
      { id: 'thanh-vien', title: { vi: 'Thành viên hộ gia đình', en: 'Household members' }, fields: [membersField(true)] },
      {
        id: 'nhan-ket-qua',
        title: { vi: 'Nhận kết quả', en: 'Result delivery' },
        fields: [
          {
            key: 'delivery',
            type: 'radio',
            label: { vi: 'Cách nhận kết quả', en: 'Result delivery' },
            params: {
              options: [
                { value: 'counter', label: { vi: 'Nhận tại bộ phận một cửa', en: 'At the counter' } },
                { value: 'post', label: { vi: 'Qua dịch vụ bưu chính', en: 'By post' } },
                { value: 'electronic', label: { vi: 'Kết quả điện tử', en: 'Electronic result' } },
              ],
            },
          },
          {
            key: 'postalAddress',
            type: 'text',
            label: { vi: 'Địa chỉ nhận kết quả', en: 'Postal address' },
            requiredIf: { '==': [{ var: 'delivery' }, 'post'] },
            requiredMessage: 'Vui lòng nhập địa chỉ nhận kết quả qua bưu điện',
            requiredMessageEn: 'Please enter the address to post the result to',
          },
        ],
      },
    ],
    rules: [
      {
        kind: 'unique',
        id: 'so-dinh-danh-khong-trung',
        items: ['owner.citizenId', 'members.*.citizenId'],
        message: 'Số định danh cá nhân bị trùng',
        messageEn: 'This citizen ID number is given twice',
      },
      {
        kind: 'logic',
        id: 'von-gop-khong-vuot-von',
        assert: {
          '<=': [
            { reduce: [{ var: 'members' }, { '+': [{ var: 'accumulator' }, { var: ['current.contribution', 0] }] }, 0] },
            { var: 'capital' },
          ],
        },
        path: 'members',
        message: 'Tổng phần vốn góp của các thành viên vượt quá vốn kinh doanh',
        messageEn: "The members' contributions add up to more than the business capital",
      },
    ],
  },
};
