import type { ProcedureDefinitionInput } from '../definition';
import { applicantField, DOCUMENT_FILES, deathAfterBirthRule, deathDateField, deceasedField, noteField } from './shared';

/**
 * Xóa đăng ký thường trú (1.003197), second member of the death interlinked group, as data. The form
 * is the CT01 declaration for a deceased resident: who, the permanent residence to remove them from,
 * and the ground (death, proved by the death extract the group reuses).
 */
export const permanentResidenceRemovalDefinition: ProcedureDefinitionInput = {
  code: '1.003197',
  slug: 'xoa-dang-ky-thuong-tru',
  names: { vi: 'Xóa đăng ký thường trú', en: 'Removal of permanent residence registration' },
  colloquialNames: ['cắt hộ khẩu', 'xóa hộ khẩu', 'cắt khẩu', 'xóa tên khỏi hộ khẩu'],
  topic: 'cu-tru',
  authority: [{ level: 'commune', agencyKind: 'commune_police' }],
  onlineLevel: 'full',
  legalDuration: { unit: 'working-days', amount: 1 },
  fee: { kind: 'none' },
  components: [
    {
      id: 'to-khai-ct01',
      name: { vi: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', en: 'Residence information change form (form CT01)' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-to-chung-minh',
      name: {
        vi: 'Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú (như trích lục khai tử)',
        en: 'Papers proving a case for removing the registration (such as the death certificate extract)',
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
      notes: 'Trong nhóm liên thông khai tử, trích lục khai tử điện tử được dùng lại, không phải nộp.',
      notesEn:
        'Filed together with a death registration, the electronic death certificate extract is reused: nothing to hand in.',
    },
  ],
  result: {
    kind: 'acknowledgement',
    isDocument: false,
    issuer: 'recorded-outcome',
    template: 'thong-bao-xoa-dang-ky-thuong-tru',
  },
  interlink: { group: 'death', order: 2 },
  legalBasis: ['Luật Cư trú 2020 (68/2020/QH14)', 'Nghị định 154/2024/NĐ-CP', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  form: {
    steps: [
      { id: 'nguoi-yeu-cau', title: { vi: 'Người kê khai', en: 'Declarant' }, fields: [applicantField] },
      { id: 'nguoi-bi-xoa', title: { vi: 'Người đã chết', en: 'Deceased' }, fields: [deceasedField, deathDateField] },
      {
        id: 'noi-thuong-tru',
        title: { vi: 'Nơi thường trú', en: 'Permanent residence' },
        fields: [
          {
            key: 'permanentResidence',
            type: 'address',
            label: { vi: 'Nơi thường trú của người đã chết', en: 'Permanent residence of the deceased' },
          },
          {
            key: 'householdHeadName',
            type: 'text',
            label: { vi: 'Họ và tên chủ hộ', en: 'Household head' },
            help: { vi: 'Để trống nếu người đã chết là chủ hộ' },
            required: false,
            params: { maxLength: 100 },
          },
        ],
      },
      { id: 'ghi-chu', title: { vi: 'Ghi chú', en: 'Note' }, fields: [noteField] },
    ],
    rules: [deathAfterBirthRule],
  },
  verify: ['Thời hạn 1 ngày làm việc (Luật Cư trú, Điều 24) chưa đối chiếu văn bản gốc.', 'Mức độ "toàn trình" chưa đối chiếu.'],
};
