import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/**
 * Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội — third member of the death interlinked
 * group (seed 004). The group's third step depends on the deceased: survivorship benefit or
 * funeral grant (social insurance, for insured people) or this social-protection support.
 */
export const funeralAllowance: ProcedureDefinitionInput = {
  code: '1.001731',
  slug: 'ho-tro-chi-phi-mai-tang',
  name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
  nameEn: 'Funeral allowance for social-protection beneficiaries',
  colloquialNames: ['tiền mai táng', 'hỗ trợ mai táng', 'tiền chôn cất', 'tiền ma chay', 'hỗ trợ tang lễ', 'trợ cấp mai táng'],
  topic: 'chinh-sach-xa-hoi',
  authority: {
    before2025: 'district',
    from2025: 'commune',
    agencyKind: 'commune_people_committee',
    agencyKindBefore2025: 'district_people_committee',
  },
  onlineLevel: 'partial',
  legalDurationWorkingDays: 3,
  fee: { kind: 'none' },
  components: [
    {
      id: 'to-khai-de-nghi',
      name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng',
      nameEn: 'Application for funeral cost support',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-bao-tu',
      name: 'Bản sao giấy báo tử hoặc trích lục khai tử',
      nameEn: 'Copy of the death notice or of the death certificate extract',
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Trong nhóm liên thông khai tử, trích lục khai tử điện tử được dùng lại, không phải nộp.',
      notesEn:
        'Filed together with a death registration, the electronic death certificate extract is reused: nothing to hand in.',
    },
  ],
  resultKind: 'document',
  resultIsDocument: true,
  legalBasis: ['Nghị định 20/2021/NĐ-CP về chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội'],
  interlinkGroup: 'death',
  verify: [
    'Thẩm quyền trước 01/7/2025: hồ sơ nộp ở xã, Chủ tịch UBND cấp huyện quyết định (theo hiểu biết về Nghị định 20/2021) — cần đối chiếu; từ 01/7/2025 ghi cấp xã.',
    'Thời hạn 3 ngày làm việc: chỉ thấy trong nguồn thứ cấp.',
    'Mức độ "một phần" chưa đối chiếu danh mục DVC trực tuyến.',
    'Số hiệu mẫu tờ khai (Nghị định 20/2021) chưa ghi.',
  ],
};
