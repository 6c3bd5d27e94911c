import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Đăng ký khai tử — first member of the death interlinked group (seed 004). */
export const deathRegistration: ProcedureDefinitionInput = {
  code: '1.000656',
  slug: 'dang-ky-khai-tu',
  name: 'Đăng ký khai tử',
  nameEn: 'Death registration',
  colloquialNames: ['giấy chứng tử', 'báo tử', 'khai tử', 'qua đời', 'chết'],
  topic: 'ho-tich',
  authority: { before2025: 'commune', from2025: 'commune', agencyKind: 'commune_people_committee' },
  onlineLevel: 'full',
  // Same working day; a dossier received after 15:00 is settled the next working day.
  legalDurationWorkingDays: 1,
  fee: { kind: 'none', note: 'Miễn lệ phí khi đăng ký khai tử đúng hạn (Luật Hộ tịch, Điều 11).' },
  components: [
    { id: 'to-khai', name: 'Tờ khai đăng ký khai tử', nameEn: 'Death registration form', mandatory: true, ...DOCUMENT_FILES },
    {
      id: 'giay-bao-tu',
      name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
      nameEn: 'Death notice, or a paper that replaces it',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'van-ban-uy-quyen',
      name: 'Văn bản ủy quyền',
      nameEn: 'Letter of authorisation',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi người đi đăng ký được ủy quyền.',
      notesEn: 'Only when the person registering acts under an authorisation.',
    },
  ],
  resultKind: 'certificate',
  resultIsDocument: true,
  legalBasis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  interlinkGroup: 'death',
  verify: [
    'Thời hạn: trong ngày (sau 15 giờ thì ngày làm việc tiếp theo), ghi là 1 ngày làm việc.',
    'Mức độ "toàn trình" chưa đối chiếu danh mục DVC trực tuyến của tỉnh.',
  ],
};
