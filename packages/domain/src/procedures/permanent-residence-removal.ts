import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Xóa đăng ký thường trú — second member of the death interlinked group (seed 004). */
export const permanentResidenceRemoval: ProcedureDefinitionInput = {
  code: '1.003197',
  slug: 'xoa-dang-ky-thuong-tru',
  name: 'Xóa đăng ký thường trú',
  nameEn: 'Removal of permanent residence registration',
  colloquialNames: ['cắt hộ khẩu', 'xóa hộ khẩu', 'cắt khẩu', 'xóa tên khỏi hộ khẩu'],
  topic: 'cu-tru',
  authority: { before2025: 'commune', from2025: 'commune', agencyKind: 'commune_police' },
  onlineLevel: 'full',
  legalDurationWorkingDays: 1,
  fee: { kind: 'none' },
  components: [
    {
      id: 'to-khai-ct01',
      name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)',
      nameEn: 'Residence information change form (form CT01)',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-to-chung-minh',
      name: 'Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú (như trích lục khai tử)',
      nameEn: 'Papers proving a case for removing the registration (such as the death certificate extract)',
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Trong nhóm liên thông khai tử, trích lục khai tử điện tử được dùng lại, không phải nộp.',
      notesEn:
        'Filed together with a death registration, the electronic death certificate extract is reused: nothing to hand in.',
    },
  ],
  resultKind: 'acknowledgement',
  resultIsDocument: false,
  legalBasis: ['Luật Cư trú 2020 (68/2020/QH14)', 'Nghị định 154/2024/NĐ-CP', 'Nghị định 63/2024/NĐ-CP (liên thông điện tử)'],
  interlinkGroup: 'death',
  verify: ['Thời hạn 1 ngày làm việc (Luật Cư trú, Điều 24) chưa đối chiếu văn bản gốc.', 'Mức độ "toàn trình" chưa đối chiếu.'],
};
