import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Đăng ký khai sinh — first member of the birth interlinked group (seed 004). */
export const birthRegistration: ProcedureDefinitionInput = {
  code: '1.001193',
  slug: 'dang-ky-khai-sinh',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
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
  authority: { before2025: 'commune', from2025: 'commune', agencyKind: 'commune_people_committee' },
  onlineLevel: 'full',
  // Same working day; a dossier received after 15:00 is settled the next working day.
  legalDurationWorkingDays: 1,
  fee: { kind: 'none', note: 'Miễn lệ phí khi đăng ký khai sinh đúng hạn (Luật Hộ tịch, Điều 11).' },
  components: [
    { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', nameEn: 'Birth registration form', mandatory: true, ...DOCUMENT_FILES },
    {
      id: 'giay-chung-sinh',
      name: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng / giấy cam đoan việc sinh)',
      nameEn: "Medical birth certificate (or a witness's written confirmation, or a written declaration of the birth)",
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'van-ban-mang-thai-ho',
      name: 'Văn bản chứng minh việc mang thai hộ',
      nameEn: 'Papers proving a surrogate birth',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi trẻ được sinh ra do mang thai hộ.',
      notesEn: 'Only when the child was born to a surrogate mother.',
    },
  ],
  resultKind: 'certificate',
  resultIsDocument: true,
  legalBasis: [
    'Luật Hộ tịch 2014',
    'Nghị định 123/2015/NĐ-CP',
    'Nghị định 63/2024/NĐ-CP về liên thông điện tử hai nhóm thủ tục (khai sinh; khai tử)',
  ],
  interlinkGroup: 'birth',
  verify: [
    'Thời hạn: trong ngày (sau 15 giờ thì ngày làm việc tiếp theo), ghi là 1 ngày làm việc; cả nhóm liên thông ≤ 3 ngày làm việc (tối đa 5 nếu phải xác minh) — theo báo chí dẫn Quyết định 296/QĐ-VPCP (2024).',
    'Lệ phí đăng ký khai sinh quá hạn do HĐND tỉnh quy định, chưa nhập.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến của tỉnh.',
    'Số hiệu Nghị định 63/2024/NĐ-CP cần đối chiếu.',
  ],
};
