import type { ProcedureDefinitionInput } from '../definition';
import type { FieldDefinition } from '../form-schema';
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
  ownerCitizenIdField,
  ownerField,
  registrationNumberField,
} from './shared';

const optional = (field: FieldDefinition): FieldDefinition => ({ ...field, required: false });

/** The parts a change may touch; each, when given, is checked exactly like at registration. */
const CHANGE_PARTS = ['businessName', 'location', 'businessLines', 'capital', 'employees', 'owner', 'members'];

/** Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (2.000720), as data. */
export const householdBusinessChangeDefinition: ProcedureDefinitionInput = {
  code: '2.000720',
  slug: 'dang-ky-thay-doi-noi-dung-ho-kinh-doanh',
  names: { vi: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', en: 'Change of household business registration content' },
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
      id: 'thong-bao-thay-doi',
      name: {
        vi: 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
        en: 'Notice of changes to the household business registration',
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'bien-ban-hop-thanh-vien',
      name: {
        vi: 'Bản sao biên bản họp thành viên hộ gia đình về việc thay đổi nội dung đăng ký',
        en: "Copy of the minutes of the household members' meeting on the changes",
      },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi hộ kinh doanh do các thành viên hộ gia đình đăng ký.',
        whenEn: 'Only when the business was registered by household members.',
      },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-to-chu-ho-moi',
      name: {
        vi: 'Bản sao giấy tờ pháp lý của cá nhân của chủ hộ kinh doanh mới',
        en: "Copy of the new owner's personal identity papers",
      },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi thay đổi chủ hộ kinh doanh.',
        whenEn: 'Only when the owner of the business changes.',
        condition: { '!!': { var: 'changes.owner' } },
      },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
    {
      id: 'hop-dong-chuyen-nhuong',
      name: {
        vi: 'Hợp đồng mua bán, tặng cho hoặc giấy tờ thừa kế hộ kinh doanh',
        en: 'Contract of sale or gift, or inheritance papers, for the business',
      },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi thay đổi chủ hộ do mua bán, tặng cho hoặc thừa kế.',
        whenEn: 'Only when the owner changes through a sale, gift or inheritance.',
      },
      copyKind: 'copy',
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
    'Lệ phí thay đổi nội dung lấy bằng lệ phí đăng ký (100.000 đ) theo DOMAIN.md; chưa đối chiếu nghị quyết HĐND tỉnh — một số tỉnh thu mức thấp hơn cho việc thay đổi.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến của tỉnh.',
  ],
  form: {
    steps: [
      {
        id: 'ho-kinh-doanh',
        title: { vi: 'Hộ kinh doanh đã đăng ký', en: 'Existing registration' },
        fields: [registrationNumberField, ownerCitizenIdField],
      },
      {
        id: 'noi-dung-thay-doi',
        title: { vi: 'Nội dung thay đổi', en: 'What changes' },
        fields: [
          {
            key: 'changes',
            type: 'group',
            label: { vi: 'Nội dung thay đổi', en: 'What changes' },
            requiredMessage: 'Vui lòng chọn nội dung cần thay đổi',
            requiredMessageEn: 'Please choose what changes',
            fields: [
              optional(businessNameField),
              optional(locationField),
              optional(businessLinesField),
              optional(capitalField),
              optional(employeesField),
              optional(ownerField),
              membersField(false),
            ],
            rules: [
              {
                kind: 'logic',
                id: 'it-nhat-mot-noi-dung',
                assert: { or: CHANGE_PARTS.map((part) => ({ '!=': [{ var: part }, null] })) },
                path: '',
                runsWhen: 'all-fields-valid',
                message: 'Chọn ít nhất một nội dung cần thay đổi',
                messageEn: 'Choose at least one thing to change',
              },
            ],
          },
        ],
      },
    ],
  },
};
