import { DOCUMENT_FILES, type ProcedureDefinitionInput } from './procedure';

/** Chấm dứt hoạt động hộ kinh doanh — one of the three procedures of the 2022 pilot (seeds 001, 002). */
export const householdBusinessTermination: ProcedureDefinitionInput = {
  code: '1.001266',
  slug: 'cham-dut-hoat-dong-ho-kinh-doanh',
  name: 'Chấm dứt hoạt động hộ kinh doanh',
  nameEn: 'Household business termination',
  colloquialNames: [
    'ngừng kinh doanh',
    'đóng cửa hàng',
    'đóng quán',
    'nghỉ bán',
    'dẹp quán',
    'dẹp tiệm',
    'thôi bán',
    'trả giấy phép',
    'giải thể',
    'chấm dứt',
  ],
  topic: 'ho-kinh-doanh',
  authority: {
    before2025: 'district',
    from2025: 'commune',
    agencyKind: 'commune_people_committee',
    agencyKindBefore2025: 'district_people_committee',
  },
  onlineLevel: 'full',
  legalDurationWorkingDays: 3,
  fee: { kind: 'none' },
  components: [
    {
      id: 'thong-bao-cham-dut',
      name: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'thong-bao-co-quan-thue',
      name: 'Thông báo của cơ quan thuế về việc chấm dứt hiệu lực mã số thuế',
      mandatory: true,
      ...DOCUMENT_FILES,
    },
    {
      id: 'giay-chung-nhan-goc',
      name: 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh',
      mandatory: true,
      ...DOCUMENT_FILES,
      notes: 'Nộp lại bản gốc tại Bộ phận Một cửa khi nhận kết quả.',
      reusableFrom: ['giay-chung-nhan-dang-ky-ho-kinh-doanh'],
    },
    {
      id: 'bien-ban-hop-thanh-vien',
      name: 'Bản sao biên bản họp thành viên hộ gia đình về việc chấm dứt hoạt động',
      mandatory: false,
      ...DOCUMENT_FILES,
      notes: 'Chỉ khi hộ kinh doanh do các thành viên hộ gia đình đăng ký.',
    },
  ],
  resultKind: 'document',
  resultIsDocument: true,
  legalBasis: [
    'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp (hồ sơ tiếp nhận đến 30/6/2025)',
    'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp (từ 01/7/2025)',
  ],
  verify: [
    'Mã 1.001266: chỉ thấy trong một nguồn bên thứ ba; chưa đối chiếu Cơ sở dữ liệu quốc gia về TTHC.',
    'Thời hạn 3 ngày làm việc theo DOMAIN.md (verify); trang TTHC của Kon Tum ghi "Thời hạn giải quyết: Không có".',
    'Thành phần "Thông báo của cơ quan thuế" theo Nghị định 01/2021; cần đối chiếu Nghị định 168/2025.',
  ],
};
