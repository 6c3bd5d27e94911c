import type { ProcedureDefinitionInput } from '../definition';
import { applicantField, childField, DOCUMENT_FILES, noteField } from './shared';

/**
 * Đăng ký thường trú (1.004222), second member of the birth interlinked group, as data. The form is
 * the Tờ khai thay đổi thông tin cư trú (CT01) for the newborn: where the child is registered, in
 * whose household, and the household head's consent (written in the declaration for a child under 6).
 */
export const permanentResidenceRegistrationDefinition: ProcedureDefinitionInput = {
  code: '1.004222',
  slug: 'dang-ky-thuong-tru',
  names: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
  colloquialNames: [
    'nhập hộ khẩu',
    'hộ khẩu',
    'chuyển hộ khẩu',
    'nhập khẩu',
    'chuyển khẩu',
    'nhập hộ khẩu về nhà',
    'thường trú',
    'thường trú mới',
  ],
  topic: 'cu-tru',
  authority: [{ level: 'commune', agencyKind: 'commune_police' }],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 7 },
  fee: {
    kind: 'fixed',
    amount: 20_000,
    onlineReduction: { percent: 50 },
    payableAt: 'submission',
    legalBasis: 'Lệ phí đăng ký cư trú: 20.000 đ trực tiếp, 10.000 đ trực tuyến (Thông tư 75/2022/TT-BTC)',
  },
  components: [
    {
      id: 'to-khai-ct01',
      name: { vi: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', en: 'Residence information change form (form CT01)' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'cho-o-hop-phap',
      name: {
        vi: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp hoặc ý kiến đồng ý của chủ hộ/chủ sở hữu chỗ ở',
        en: "Papers proving lawful accommodation, or the consent of the household head or the home's owner",
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
      notes: 'Khi nộp liên thông cho trẻ dưới 6 tuổi, ý kiến của chủ hộ được ghi trong tờ khai.',
      notesEn: "When filed together for a child under 6, the household head's consent is written in the form.",
    },
    {
      id: 'quan-he-nhan-than',
      name: {
        vi: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ',
        en: 'Papers proving the family relationship with the household head',
      },
      requirement: {
        kind: 'conditional',
        whenVi: 'Khi đăng ký vào chỗ ở của người thân; trong nhóm liên thông khai sinh dùng lại Giấy khai sinh điện tử.',
        whenEn:
          "When registering at a relative's home; filed together with a birth registration, the electronic birth certificate is reused.",
      },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
  ],
  result: {
    kind: 'acknowledgement',
    isDocument: false,
    issuer: 'recorded-outcome',
    template: 'thong-bao-ket-qua-dang-ky-thuong-tru',
  },
  interlink: { group: 'birth', order: 2 },
  legalBasis: ['Luật Cư trú 2020 (68/2020/QH14)', 'Nghị định 154/2024/NĐ-CP', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  form: {
    steps: [
      { id: 'nguoi-yeu-cau', title: { vi: 'Người kê khai', en: 'Declarant' }, fields: [applicantField] },
      { id: 'nguoi-dang-ky', title: { vi: 'Người đăng ký thường trú', en: 'Person registered' }, fields: [childField] },
      {
        id: 'noi-thuong-tru',
        title: { vi: 'Nơi đăng ký thường trú', en: 'Permanent residence' },
        fields: [
          {
            key: 'residenceAddress',
            type: 'address',
            label: { vi: 'Địa chỉ nơi đăng ký thường trú', en: 'Residence address' },
          },
          {
            key: 'householdHead',
            type: 'group',
            label: { vi: 'Chủ hộ', en: 'Household head' },
            fields: [
              {
                key: 'fullName',
                type: 'text',
                label: { vi: 'Họ và tên chủ hộ', en: 'Full name' },
                params: { maxLength: 100 },
              },
              { key: 'citizenId', type: 'citizen-id', label: { vi: 'Số định danh cá nhân của chủ hộ', en: 'Citizen ID' } },
              {
                key: 'relationship',
                type: 'select',
                label: { vi: 'Quan hệ của người đăng ký với chủ hộ', en: 'Relationship to the head' },
                params: {
                  options: [
                    { value: 'con', label: { vi: 'Con', en: 'Child' } },
                    { value: 'chau', label: { vi: 'Cháu', en: 'Grandchild' } },
                    { value: 'khac', label: { vi: 'Quan hệ khác', en: 'Other' } },
                  ],
                },
              },
            ],
          },
          {
            key: 'householdHeadConsent',
            type: 'checkbox',
            label: { vi: 'Chủ hộ đồng ý cho đăng ký thường trú vào hộ', en: 'The household head consents' },
            requiredMessage: 'Cho biết ý kiến của chủ hộ',
            requiredMessageEn: "Give the household head's answer",
          },
        ],
      },
      { id: 'ghi-chu', title: { vi: 'Ghi chú', en: 'Note' }, fields: [noteField] },
    ],
    rules: [
      {
        kind: 'logic',
        id: 'chu-ho-dong-y',
        assert: { '==': [{ var: 'householdHeadConsent' }, true] },
        path: 'householdHeadConsent',
        message: 'Cần có ý kiến đồng ý của chủ hộ để đăng ký thường trú vào hộ',
        messageEn: "The household head's consent is needed to register permanent residence in the household",
      },
    ],
  },
  verify: [
    'Lệ phí 20.000 đ / 10.000 đ trực tuyến theo cổng DVC Bộ Công an (nguồn thứ cấp); trẻ em có thể thuộc diện miễn theo nghị quyết HĐND tỉnh — chưa đối chiếu.',
    'Thời hạn 7 ngày làm việc (Luật Cư trú, Điều 22); trong nhóm liên thông khai sinh là 2 ngày làm việc (tối đa 5 nếu xác minh) theo báo chí dẫn Quyết định 296/QĐ-VPCP.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến.',
  ],
};
