import type { ProcedureDefinitionInput } from '../definition';
import {
  applicantField,
  DOCUMENT_FILES,
  deathAfterBirthRule,
  deathDateField,
  deathRelationshipField,
  deceasedField,
  noteField,
} from './shared';

/**
 * Đăng ký khai tử (1.000656), first member of the death interlinked group, as data. The form is the
 * Tờ khai đăng ký khai tử: the declarant, the deceased, when, where and why, and the death notice.
 */
export const deathRegistrationDefinition: ProcedureDefinitionInput = {
  code: '1.000656',
  slug: 'dang-ky-khai-tu',
  names: { vi: 'Đăng ký khai tử', en: 'Death registration' },
  colloquialNames: ['giấy chứng tử', 'báo tử', 'khai tử', 'qua đời', 'chết'],
  topic: 'ho-tich',
  authority: [{ level: 'commune', agencyKind: 'commune_people_committee' }],
  onlineLevel: 'full',
  legalDuration: {
    unit: 'working-days',
    amount: 1,
    note: 'Trong ngày; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
  },
  fee: { kind: 'none', note: 'Miễn lệ phí khi đăng ký khai tử đúng hạn (Luật Hộ tịch, Điều 11).' },
  components: [
    {
      id: 'to-khai',
      name: { vi: 'Tờ khai đăng ký khai tử', en: 'Death registration form' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-bao-tu',
      name: { vi: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', en: 'Death notice, or a paper that replaces it' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'van-ban-uy-quyen',
      name: { vi: 'Văn bản ủy quyền', en: 'Letter of authorisation' },
      requirement: {
        kind: 'conditional',
        whenVi: 'Chỉ khi người đi đăng ký được ủy quyền.',
        whenEn: 'Only when the person registering acts under an authorisation.',
        condition: { '==': [{ var: 'applicantRelationship' }, 'nguoi-duoc-uy-quyen'] },
      },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
  ],
  result: { kind: 'certificate', isDocument: true, issuer: 'recorded-outcome', template: 'trich-luc-khai-tu' },
  interlink: { group: 'death', order: 1 },
  legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  form: {
    steps: [
      {
        id: 'nguoi-yeu-cau',
        title: { vi: 'Người yêu cầu', en: 'Declarant' },
        fields: [applicantField, deathRelationshipField],
      },
      { id: 'nguoi-da-chet', title: { vi: 'Người đã chết', en: 'Deceased' }, fields: [deceasedField] },
      {
        id: 'viec-chet',
        title: { vi: 'Thời gian, nơi chết', en: 'Time and place of death' },
        fields: [
          deathDateField,
          {
            key: 'deathTime',
            type: 'text',
            label: { vi: 'Giờ chết', en: 'Time of death' },
            required: false,
            params: {
              maxLength: 5,
              pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
              patternMessage: 'Giờ chết có dạng giờ:phút, ví dụ 14:30',
            },
          },
          {
            key: 'deathPlace',
            type: 'text',
            label: { vi: 'Nơi chết', en: 'Place of death' },
            params: { maxLength: 255 },
          },
          {
            key: 'deathCause',
            type: 'text',
            label: { vi: 'Nguyên nhân chết', en: 'Cause of death' },
            params: { maxLength: 255 },
          },
        ],
      },
      {
        id: 'giay-bao-tu',
        title: { vi: 'Giấy báo tử', en: 'Death notice' },
        fields: [
          {
            key: 'deathNotice',
            type: 'group',
            label: { vi: 'Giấy báo tử hoặc giấy tờ thay thế', en: 'Death notice' },
            fields: [
              {
                key: 'number',
                type: 'text',
                label: { vi: 'Số giấy báo tử', en: 'Number' },
                required: false,
                params: { maxLength: 50 },
              },
              { key: 'issuedOn', type: 'date', label: { vi: 'Ngày cấp', en: 'Issued on' } },
              {
                key: 'issuer',
                type: 'text',
                label: { vi: 'Cơ quan cấp', en: 'Issued by' },
                params: { maxLength: 255 },
              },
            ],
          },
        ],
      },
      { id: 'ghi-chu', title: { vi: 'Ghi chú', en: 'Note' }, fields: [noteField] },
    ],
    rules: [
      deathAfterBirthRule,
      {
        kind: 'logic',
        id: 'bao-tu-sau-ngay-chet',
        assert: { '>=': [{ var: 'deathNotice.issuedOn' }, { var: 'deathDate' }] },
        path: 'deathNotice.issuedOn',
        message: 'Ngày cấp giấy báo tử không được trước ngày chết',
        messageEn: 'The death notice cannot be dated before the death',
      },
    ],
  },
  verify: [
    'Thời hạn: trong ngày (sau 15 giờ thì ngày làm việc tiếp theo), ghi là 1 ngày làm việc.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến của tỉnh.',
  ],
};
