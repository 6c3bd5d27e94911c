import type { ProcedureDefinitionInput } from '../definition';
import {
  DOCUMENT_FILES,
  HOUSEHOLD_BUSINESS_AUTHORITY,
  HOUSEHOLD_BUSINESS_ONLINE_ONLY,
  ownerCitizenIdField,
  registrationNumberField,
} from './shared';

/** Chấm dứt hoạt động hộ kinh doanh (1.001266), as data. */
export const householdBusinessTerminationDefinition: ProcedureDefinitionInput = {
  code: '1.001266',
  slug: 'cham-dut-hoat-dong-ho-kinh-doanh',
  names: { vi: 'Chấm dứt hoạt động hộ kinh doanh', en: 'Household business termination' },
  colloquialNames: [
    'ngừng kinh doanh',
    'đóng cửa hàng',
    'đóng quán',
    'nghỉ bán',
    'dẹp quán',
    'dẹp tiệm',
    'thôi bán',
    'trả giấy phép',
    'giải thể',
    'chấm dứt',
  ],
  topic: 'ho-kinh-doanh',
  authority: [...HOUSEHOLD_BUSINESS_AUTHORITY],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 3 },
  fee: { kind: 'none' },
  components: [
    {
      id: 'thong-bao-cham-dut',
      name: { vi: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh', en: 'Notice of termination of the household business' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'thong-bao-co-quan-thue',
      name: {
        vi: 'Thông báo của cơ quan thuế về việc chấm dứt hiệu lực mã số thuế',
        en: "Tax office's notice that the tax code is closed",
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-chung-nhan-goc',
      name: { vi: 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh', en: 'Original household business registration certificate' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
      notes: 'Nộp lại bản gốc tại Bộ phận Một cửa khi nhận kết quả.',
      // The certificate the register issued (at registration or at the latest change) is in the store.
      reusableFrom: ['giay-chung-nhan-dang-ky-ho-kinh-doanh'],
      notesEn: 'Hand in the original at the one-stop desk when you collect the result.',
    },
    {
      id: 'bien-ban-hop-thanh-vien',
      name: {
        vi: 'Bản sao biên bản họp thành viên hộ gia đình về việc chấm dứt hoạt động',
        en: "Copy of the minutes of the household members' meeting on closing the business",
      },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi hộ kinh doanh do các thành viên hộ gia đình đăng ký.',
        whenEn: 'Only when the business was registered by household members.',
      },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
  ],
  result: { kind: 'document', isDocument: true, issuer: 'household-business-register', template: 'thong-bao-cham-dut-hoat-dong' },
  onlineOnly: HOUSEHOLD_BUSINESS_ONLINE_ONLY,
  legalBasis: [
    'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp (hồ sơ tiếp nhận đến 30/6/2025)',
    'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp (từ 01/7/2025)',
  ],
  verify: [
    'Mã 1.001266: chỉ thấy trong một nguồn bên thứ ba; chưa đối chiếu Cơ sở dữ liệu quốc gia về TTHC.',
    'Thời hạn 3 ngày làm việc theo DOMAIN.md (verify); trang TTHC của Kon Tum ghi "Thời hạn giải quyết: Không có".',
    'Thành phần "Thông báo của cơ quan thuế" theo Nghị định 01/2021; cần đối chiếu Nghị định 168/2025.',
  ],
  form: {
    steps: [
      {
        id: 'ho-kinh-doanh',
        title: { vi: 'Hộ kinh doanh đã đăng ký', en: 'Existing registration' },
        fields: [registrationNumberField, ownerCitizenIdField],
      },
      {
        id: 'cham-dut',
        title: { vi: 'Chấm dứt hoạt động', en: 'Termination' },
        fields: [
          {
            key: 'reason',
            type: 'long-text',
            label: { vi: 'Lý do chấm dứt hoạt động', en: 'Reason' },
            params: { maxLength: 1000 },
          },
          { key: 'terminationDate', type: 'date', label: { vi: 'Ngày chấm dứt hoạt động', en: 'Termination date' } },
          {
            key: 'hasOriginalCertificate',
            type: 'checkbox',
            label: { vi: 'Còn giữ bản gốc Giấy chứng nhận đăng ký hộ kinh doanh', en: 'Original certificate held' },
            requiredMessage: 'Cho biết còn giữ bản gốc Giấy chứng nhận đăng ký hộ kinh doanh không',
            requiredMessageEn: 'Say whether you still have the original registration certificate',
          },
        ],
      },
    ],
  },
};
