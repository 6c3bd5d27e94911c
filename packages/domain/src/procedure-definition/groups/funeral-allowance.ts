import type { ProcedureDefinitionInput } from '../definition';
import { applicantField, DOCUMENT_FILES, deathAfterBirthRule, deathDateField, deceasedField, noteField } from './shared';

/**
 * Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội (1.001731), third member of the death
 * interlinked group, as data. The form is the Tờ khai đề nghị hỗ trợ chi phí mai táng (Nghị định
 * 20/2021/NĐ-CP): the deceased and the category they belonged to, who organised the funeral, and how
 * the support is paid.
 */
export const funeralAllowanceDefinition: ProcedureDefinitionInput = {
  code: '1.001731',
  slug: 'ho-tro-chi-phi-mai-tang',
  names: {
    vi: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    en: 'Funeral allowance for social-protection beneficiaries',
  },
  colloquialNames: ['tiền mai táng', 'hỗ trợ mai táng', 'tiền chôn cất', 'tiền ma chay', 'hỗ trợ tang lễ', 'trợ cấp mai táng'],
  topic: 'chinh-sach-xa-hoi',
  authority: [
    { until: '2025-06-30', level: 'district', agencyKind: 'district_people_committee' },
    { from: '2025-07-01', level: 'commune', agencyKind: 'commune_people_committee' },
  ],
  onlineLevel: 'partial',
  legalDuration: { unit: 'working-days', amount: 3 },
  fee: { kind: 'none' },
  components: [
    {
      id: 'to-khai-de-nghi',
      name: { vi: 'Tờ khai đề nghị hỗ trợ chi phí mai táng', en: 'Application for funeral cost support' },
      requirement: { kind: 'mandatory' },
      copyKind: 'original',
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-bao-tu',
      name: {
        vi: 'Bản sao giấy báo tử hoặc trích lục khai tử',
        en: 'Copy of the death notice or of the death certificate extract',
      },
      requirement: { kind: 'mandatory' },
      copyKind: 'copy',
      ...DOCUMENT_FILES,
      notes: 'Trong nhóm liên thông khai tử, trích lục khai tử điện tử được dùng lại, không phải nộp.',
      notesEn:
        'Filed together with a death registration, the electronic death certificate extract is reused: nothing to hand in.',
    },
  ],
  result: { kind: 'document', isDocument: true, issuer: 'recorded-outcome', template: 'quyet-dinh-ho-tro-mai-tang' },
  interlink: { group: 'death', order: 3 },
  legalBasis: ['Nghị định 20/2021/NĐ-CP về chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội'],
  form: {
    steps: [
      { id: 'nguoi-yeu-cau', title: { vi: 'Người kê khai', en: 'Declarant' }, fields: [applicantField] },
      {
        id: 'nguoi-da-chet',
        title: { vi: 'Người đã chết', en: 'Deceased' },
        fields: [
          deceasedField,
          deathDateField,
          {
            key: 'beneficiaryCategory',
            type: 'select',
            label: { vi: 'Người đã chết thuộc đối tượng', en: 'Beneficiary category' },
            params: {
              options: [
                {
                  value: 'tro-cap-hang-thang',
                  label: { vi: 'Đang hưởng trợ cấp xã hội hằng tháng', en: 'Receiving a monthly social allowance' },
                },
                {
                  value: 'ho-ngheo',
                  label: { vi: 'Người thuộc hộ nghèo, hộ cận nghèo', en: 'Member of a poor or near-poor household' },
                },
                {
                  value: 'cao-tuoi',
                  label: {
                    vi: 'Người từ đủ 80 tuổi không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng',
                    en: 'Aged 80 or more without a pension',
                  },
                },
                {
                  value: 'tre-em-khuyet-tat',
                  label: { vi: 'Trẻ em, người khuyết tật thuộc diện bảo trợ xã hội', en: 'Child or disabled beneficiary' },
                },
                { value: 'khac', label: { vi: 'Đối tượng khác theo Nghị định 20/2021/NĐ-CP', en: 'Other category' } },
              ],
            },
          },
        ],
      },
      {
        id: 'nguoi-to-chuc-mai-tang',
        title: { vi: 'Người tổ chức mai táng', en: 'Funeral organiser' },
        fields: [
          {
            key: 'organiser',
            type: 'group',
            label: { vi: 'Cơ quan, tổ chức, cá nhân tổ chức mai táng', en: 'Funeral organiser' },
            fields: [
              {
                key: 'fullName',
                type: 'text',
                label: { vi: 'Họ và tên (tên cơ quan, tổ chức)', en: 'Name' },
                name: 'họ và tên người tổ chức mai táng',
                nameEn: 'the name of whoever organised the funeral',
                params: { maxLength: 200 },
              },
              {
                key: 'citizenId',
                type: 'citizen-id',
                label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' },
                required: false,
              },
              {
                key: 'relationship',
                type: 'text',
                label: { vi: 'Quan hệ với người đã chết', en: 'Relationship' },
                params: { maxLength: 100 },
              },
              {
                key: 'residence',
                type: 'text',
                label: { vi: 'Nơi cư trú (địa chỉ)', en: 'Address' },
                params: { maxLength: 255 },
              },
              { key: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' } },
            ],
          },
        ],
      },
      {
        id: 'nhan-tien',
        title: { vi: 'Nhận tiền hỗ trợ', en: 'Payment' },
        fields: [
          {
            key: 'payment',
            type: 'radio',
            label: { vi: 'Hình thức nhận tiền hỗ trợ', en: 'Payment' },
            params: {
              options: [
                { value: 'cash', label: { vi: 'Nhận tiền mặt', en: 'Cash' } },
                { value: 'bank', label: { vi: 'Chuyển khoản', en: 'Bank transfer' } },
              ],
            },
          },
          {
            key: 'bankAccount',
            type: 'group',
            label: { vi: 'Tài khoản nhận tiền', en: 'Bank account' },
            visibleIf: { '==': [{ var: 'payment' }, 'bank'] },
            requiredMessage: 'Vui lòng nhập tài khoản nhận tiền',
            requiredMessageEn: 'Please enter the bank account for the payment',
            fields: [
              {
                key: 'accountNumber',
                type: 'text',
                label: { vi: 'Số tài khoản', en: 'Account number' },
                params: { maxLength: 30, pattern: '^[0-9]{6,30}$', patternMessage: 'Số tài khoản chỉ gồm chữ số' },
              },
              {
                key: 'bankName',
                type: 'text',
                label: { vi: 'Tên ngân hàng', en: 'Bank' },
                params: { maxLength: 200 },
              },
            ],
          },
        ],
      },
      { id: 'ghi-chu', title: { vi: 'Ghi chú', en: 'Note' }, fields: [noteField] },
    ],
    rules: [deathAfterBirthRule],
  },
  verify: [
    'Thẩm quyền trước 01/7/2025: hồ sơ nộp ở xã, Chủ tịch UBND cấp huyện quyết định (theo hiểu biết về Nghị định 20/2021) — cần đối chiếu; từ 01/7/2025 ghi cấp xã.',
    'Thời hạn 3 ngày làm việc: chỉ thấy trong nguồn thứ cấp.',
    'Mức độ "một phần" chưa đối chiếu danh mục DVC trực tuyến.',
    'Số hiệu mẫu tờ khai (Nghị định 20/2021) chưa ghi.',
  ],
};
