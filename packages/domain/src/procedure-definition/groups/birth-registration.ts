import type { ProcedureDefinitionInput } from '../definition';
import { applicantField, birthRelationshipField, childField, DOCUMENT_FILES, noteField, parentField } from './shared';

/**
 * Đăng ký khai sinh (1.001193), first member of the birth interlinked group, as data. The form is
 * the Tờ khai đăng ký khai sinh: the declarant, the child, the mother and (when known) the father.
 */
export const birthRegistrationDefinition: ProcedureDefinitionInput = {
  code: '1.001193',
  slug: 'dang-ky-khai-sinh',
  names: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  colloquialNames: [
    'giấy khai sinh',
    'làm khai sinh',
    'khai sinh cho con',
    'khai sanh',
    'em bé mới sinh',
    'mới sinh con',
    'sinh con',
  ],
  topic: 'ho-tich',
  authority: [{ level: 'commune', agencyKind: 'commune_people_committee' }],
  onlineLevel: 'full',
  legalDuration: {
    unit: 'working-days',
    amount: 1,
    note: 'Trong ngày; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
  },
  fee: { kind: 'none', note: 'Miễn lệ phí khi đăng ký khai sinh đúng hạn (Luật Hộ tịch, Điều 11).' },
  components: [
    {
      id: 'to-khai',
      name: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration form' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-chung-sinh',
      name: {
        vi: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng / giấy cam đoan việc sinh)',
        en: "Medical birth certificate (or a witness's written confirmation, or a written declaration of the birth)",
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'van-ban-mang-thai-ho',
      name: { vi: 'Văn bản chứng minh việc mang thai hộ', en: 'Papers proving a surrogate birth' },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi trẻ được sinh ra do mang thai hộ.',
        whenEn: 'Only when the child was born to a surrogate mother.',
      },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
    },
  ],
  result: { kind: 'certificate', isDocument: true, issuer: 'recorded-outcome', template: 'giay-khai-sinh' },
  interlink: { group: 'birth', order: 1 },
  legalBasis: [
    'Luật Hộ tịch 2014',
    'Nghị định 123/2015/NĐ-CP',
    'Nghị định 63/2024/NĐ-CP về liên thông điện tử hai nhóm thủ tục (khai sinh; khai tử)',
  ],
  form: {
    steps: [
      {
        id: 'nguoi-yeu-cau',
        title: { vi: 'Người yêu cầu', en: 'Declarant' },
        fields: [applicantField, birthRelationshipField],
      },
      { id: 'nguoi-duoc-khai-sinh', title: { vi: 'Người được khai sinh', en: 'Child' }, fields: [childField] },
      { id: 'me', title: { vi: 'Mẹ', en: 'Mother' }, fields: [parentField('mother', 'Mẹ', 'Mother', true)] },
      { id: 'cha', title: { vi: 'Cha', en: 'Father' }, fields: [parentField('father', 'Cha', 'Father', false)] },
      { id: 'ghi-chu', title: { vi: 'Ghi chú', en: 'Note' }, fields: [noteField] },
    ],
    rules: [
      {
        kind: 'logic',
        id: 'tre-sinh-sau-me',
        assert: { '>': [{ var: 'child.birthDate' }, { var: 'mother.birthDate' }] },
        path: 'child.birthDate',
        message: 'Ngày sinh của trẻ phải sau ngày sinh của mẹ',
        messageEn: "The child's date of birth must be after the mother's",
      },
      {
        kind: 'unique',
        id: 'so-dinh-danh-cha-me-khac-nhau',
        items: ['mother.citizenId', 'father.citizenId'],
        message: 'Số định danh cá nhân của cha và mẹ không được trùng nhau',
        messageEn: "The father's and the mother's citizen ID numbers cannot be the same",
      },
    ],
  },
  verify: [
    'Thời hạn: trong ngày (sau 15 giờ thì ngày làm việc tiếp theo), ghi là 1 ngày làm việc; cả nhóm liên thông ≤ 3 ngày làm việc (tối đa 5 nếu phải xác minh) — theo báo chí dẫn Quyết định 296/QĐ-VPCP (2024).',
    'Lệ phí đăng ký khai sinh quá hạn do HĐND tỉnh quy định, chưa nhập.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến của tỉnh.',
    'Số hiệu Nghị định 63/2024/NĐ-CP cần đối chiếu.',
  ],
};
