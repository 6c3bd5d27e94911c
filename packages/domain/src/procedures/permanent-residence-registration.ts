import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Đăng ký thường trú — second member of the birth interlinked group (seed 004). */
export const permanentResidenceRegistration: ProcedureDefinitionInput = {
  code: '1.004222',
  slug: 'dang-ky-thuong-tru',
  name: 'Đăng ký thường trú',
  nameEn: 'Permanent residence registration',
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
  authority: { before2025: 'commune', from2025: 'commune', agencyKind: 'commune_police' },
  onlineLevel: 'full',
  legalDurationWorkingDays: 7,
  fee: {
    kind: 'fixed',
    amount: 20_000,
    onlineReductionPercent: 50,
    payableAt: 'submission',
    legalBasis: 'Lệ phí đăng ký cư trú: 20.000 đ trực tiếp, 10.000 đ trực tuyến (Thông tư 75/2022/TT-BTC)',
  },
  components: [
    {
      id: 'to-khai-ct01',
      name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)',
      nameEn: 'Residence information change form (form CT01)',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'cho-o-hop-phap',
      name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp hoặc ý kiến đồng ý của chủ hộ/chủ sở hữu chỗ ở',
      nameEn: "Papers proving lawful accommodation, or the consent of the household head or the home's owner",
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Khi nộp liên thông cho trẻ dưới 6 tuổi, ý kiến của chủ hộ được ghi trong tờ khai.',
      notesEn: "When filed together for a child under 6, the household head's consent is written in the form.",
    },
    {
      id: 'quan-he-nhan-than',
      name: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ',
      nameEn: 'Papers proving the family relationship with the household head',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Khi đăng ký vào chỗ ở của người thân; trong nhóm liên thông khai sinh dùng lại Giấy khai sinh điện tử.',
      notesEn:
        "When registering at a relative's home; filed together with a birth registration, the electronic birth certificate is reused.",
    },
  ],
  resultKind: 'acknowledgement',
  resultIsDocument: false,
  legalBasis: ['Luật Cư trú 2020 (68/2020/QH14)', 'Nghị định 154/2024/NĐ-CP', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  interlinkGroup: 'birth',
  verify: [
    'Lệ phí 20.000 đ / 10.000 đ trực tuyến theo cổng DVC Bộ Công an (nguồn thứ cấp); trẻ em có thể thuộc diện miễn theo nghị quyết HĐND tỉnh — chưa đối chiếu.',
    'Thời hạn 7 ngày làm việc (Luật Cư trú, Điều 22); trong nhóm liên thông khai sinh là 2 ngày làm việc (tối đa 5 nếu xác minh) theo báo chí dẫn Quyết định 296/QĐ-VPCP.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến.',
  ],
};
