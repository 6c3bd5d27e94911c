import type {
  AgencyHeading,
  ApologyExtensionData,
  DossierRegisterData,
  FeeReceiptData,
  HouseholdBusinessCertificateData,
  ProcessControlSlipData,
  PromotionAcknowledgementData,
  ReceiptSlipData,
  RefusalSlipData,
  RegisterRow,
  StopNoticeData,
  SupplementRequestData,
} from './types';

/**
 * Example data for each document: used by the tests and by `render-samples.ts` (which writes the
 * PDFs to .tmp/pdf/ for a look). Names and numbers are invented.
 */

/** 15:30 on 2 Dec 2026 in Quảng Ngãi (UTC+7). */
export const RECEIVED_AT = new Date('2026-12-02T08:30:00Z');
export const DUE_AT = new Date('2026-12-07T08:30:00Z');
export const CODE = '000.00.21.H51-261202-0001';
export const APPLICANT = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  address: 'Thôn Phước Thịnh, xã Bình Sơn, tỉnh Quảng Ngãi',
  phone: '0905 123 456',
  email: 'nhung.nth@example.vn',
};
const DESK: AgencyHeading = { parentName: 'UBND tỉnh Quảng Ngãi', name: 'Bộ phận Một cửa UBND xã Bình Sơn', place: 'Bình Sơn' };
const COMMUNE: AgencyHeading = { parentName: 'Tỉnh Quảng Ngãi', name: 'Ủy ban nhân dân xã Bình Sơn', place: 'Bình Sơn' };
const PROCEDURE = 'Đăng ký thành lập hộ kinh doanh';
const CHAIR = { title: 'KT. Chủ tịch', subtitle: 'Phó Chủ tịch', name: 'Lê Văn Hùng', signedNote: 'Đã ký số' };

export const receiptSlip: ReceiptSlipData = {
  agency: DESK,
  documentNumber: '125/TNHS',
  dossierCode: CODE,
  issuedAt: RECEIVED_AT,
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  components: [
    { name: 'Giấy đề nghị đăng ký hộ kinh doanh', form: 'electronic', copies: 1 },
    {
      name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ và các thành viên hộ gia đình đăng ký hộ kinh doanh',
      form: 'copy',
      copies: 1,
    },
  ],
  legalDuration: '03 ngày làm việc',
  receivedAt: RECEIVED_AT,
  dueAt: DUE_AT,
  delivery: 'post',
  deliveryDetail: 'Thôn Phước Thịnh, xã Bình Sơn',
  registerEntry: { book: '01/2026', sequence: 125 },
  officerName: 'Trần Văn Bình',
};

export const supplementRequest: SupplementRequestData = {
  agency: DESK,
  dossierCode: CODE,
  issuedAt: new Date('2026-12-03T02:00:00Z'),
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  receivedAt: RECEIVED_AT,
  items: [
    'Giấy đề nghị đăng ký hộ kinh doanh: ghi đầy đủ địa chỉ trụ sở (số nhà, thôn).',
    'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (bản sao).',
  ],
  reason: 'Các thành viên hộ gia đình cùng đăng ký hộ kinh doanh nhưng hồ sơ chưa có biên bản họp.',
  contact: { name: 'ông Trần Văn Bình', phone: '0255 3822 111' },
  officerName: 'Trần Văn Bình',
};

export const refusalSlip: RefusalSlipData = {
  agency: DESK,
  dossierCode: CODE,
  issuedAt: RECEIVED_AT,
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  submittedAt: RECEIVED_AT,
  reasons: ['Tên hộ kinh doanh "Hộ kinh doanh Công ty Hồng Nhung" chứa cụm từ "công ty", không được đặt tên như vậy.'],
  officerName: 'Trần Văn Bình',
};

export const apologyExtension: ApologyExtensionData = {
  agency: COMMUNE,
  documentNumber: '45/UBND-VP',
  dossierCode: CODE,
  issuedAt: new Date('2026-12-07T01:00:00Z'),
  handlingAgencyName: 'Ủy ban nhân dân xã Bình Sơn',
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  receivedAt: RECEIVED_AT,
  dueAt: DUE_AT,
  reason: 'cần xác minh địa chỉ trụ sở hộ kinh doanh với thôn Phước Thịnh.',
  newDueAt: new Date('2026-12-09T08:30:00Z'),
  signer: CHAIR,
};

export const stopNotice: StopNoticeData = {
  agency: COMMUNE,
  documentNumber: '46/TB-UBND',
  dossierCode: CODE,
  issuedAt: new Date('2026-12-04T03:00:00Z'),
  handlingAgencyName: 'Ủy ban nhân dân xã Bình Sơn',
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  receivedAt: RECEIVED_AT,
  stoppedAt: new Date('2026-12-04T02:15:00Z'),
  reason: 'Người nộp hồ sơ đề nghị rút hồ sơ.',
  returnNote: 'Lệ phí đã nộp được hoàn trả theo quy định.',
  signer: CHAIR,
};

export const processControlSlip: ProcessControlSlipData = {
  agency: DESK,
  dossierCode: CODE,
  issuedAt: RECEIVED_AT,
  applicant: APPLICANT,
  procedureName: PROCEDURE,
  receivedAt: RECEIVED_AT,
  dueAt: DUE_AT,
  leadAgencyName: 'Ủy ban nhân dân xã Bình Sơn',
  coordinatingAgencies: [],
  steps: [
    {
      from: { unit: 'Bộ phận Một cửa', person: 'Trần Văn Bình' },
      to: { unit: 'Phòng Kinh tế', person: 'Phạm Thị Thu' },
      at: new Date('2026-12-02T09:00:00Z'),
      dueAt: new Date('2026-12-03T01:00:00Z'),
      outcome: 'early',
    },
    {
      from: { unit: 'Phòng Kinh tế', person: 'Phạm Thị Thu' },
      to: { unit: 'Lãnh đạo UBND xã', person: 'Lê Văn Hùng' },
      at: new Date('2026-12-04T08:00:00Z'),
      dueAt: new Date('2026-12-04T08:00:00Z'),
      outcome: 'on_time',
    },
    {
      from: { unit: 'Lãnh đạo UBND xã', person: 'Lê Văn Hùng' },
      to: { unit: 'Bộ phận Một cửa', person: 'Trần Văn Bình' },
      at: new Date('2026-12-07T09:10:00Z'),
      dueAt: new Date('2026-12-07T08:30:00Z'),
      outcome: 'late',
      note: 'Chờ ký số',
    },
  ],
};

export function registerRows(n: number): RegisterRow[] {
  return Array.from({ length: n }, (_, i) => {
    const received = new Date(RECEIVED_AT.getTime() + i * 3_600_000);
    return {
      code: `000.00.21.H51-2612${String(2 + Math.floor(i / 40)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      procedureName: i % 3 === 0 ? 'Chấm dứt hoạt động hộ kinh doanh' : PROCEDURE,
      sets: 1,
      applicantName: i % 2 === 0 ? 'Nguyễn Thị Hồng Nhung' : 'Võ Đình Quốc Bảo',
      applicantContact: 'Thôn Phước Thịnh, xã Bình Sơn; 0905 123 456',
      leadAgencyName: 'UBND xã Bình Sơn',
      receivedAt: received,
      dueAt: new Date(received.getTime() + 3 * 86_400_000),
      transferredAt: new Date(received.getTime() + 1_800_000),
      resultReceivedAt: i % 4 === 0 ? undefined : new Date(received.getTime() + 2 * 86_400_000),
      returnedAt: i % 4 === 0 ? undefined : new Date(received.getTime() + 2 * 86_400_000 + 3_600_000),
      note: i % 4 === 0 ? 'Đang giải quyết' : undefined,
    };
  });
}

export const dossierRegister: DossierRegisterData = {
  agency: DESK,
  periodFrom: new Date('2026-11-30T17:00:00Z'),
  periodTo: new Date('2026-12-31T16:59:59Z'),
  issuedAt: new Date('2027-01-04T02:00:00Z'),
  rows: registerRows(120),
};

export const householdBusinessCertificate: HouseholdBusinessCertificateData = {
  agency: COMMUNE,
  dossierCode: CODE,
  issuedAt: new Date('2026-12-04T08:00:00Z'),
  publicUrl: 'https://dichvucong.quangngai.gov.vn/',
  verificationCode: 'Xk3f9QpL2mVa',
  registrationNumber: '51A8012345',
  firstRegisteredAt: new Date('2026-12-04T08:00:00Z'),
  businessName: 'Hộ kinh doanh Hồng Nhung',
  seatAddress: 'Thôn Phước Thịnh, xã Bình Sơn, tỉnh Quảng Ngãi',
  phone: '0905 123 456',
  businessLines: [
    { code: '4722', name: 'Bán lẻ thực phẩm trong các cửa hàng chuyên doanh', isMain: true },
    { code: '5610', name: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động' },
    {
      code: '4711',
      name: 'Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp',
    },
  ],
  capital: 150_000_000,
  owner: {
    fullName: 'Nguyễn Thị Hồng Nhung',
    gender: 'Nữ',
    birthDate: '12/05/1990',
    ethnicity: 'Kinh',
    personalId: '051190001234',
    permanentAddress: 'Thôn Phước Thịnh, xã Bình Sơn, tỉnh Quảng Ngãi',
  },
  signer: { title: 'KT. Chủ tịch', subtitle: 'Phó Chủ tịch', name: 'Lê Văn Hùng', signedNote: 'Đã ký số' },
};

export const promotionAcknowledgement: PromotionAcknowledgementData = {
  agency: { parentName: 'UBND tỉnh Quảng Ngãi', name: 'Sở Công Thương', place: 'Quảng Ngãi' },
  documentNumber: '312/SCT-QLTM',
  dossierCode: '000.00.12.H51-261202-0007',
  issuedAt: new Date('2026-12-02T09:00:00Z'),
  publicUrl: 'https://dichvucong.quangngai.gov.vn',
  verificationCode: 'Pm7Rt2Wq9zEe',
  enterprise: {
    name: 'Công ty TNHH Thương mại Sông Trà',
    taxCode: '4300123456',
    address: '12 Hùng Vương, phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  programName: 'Mừng xuân Đinh Mùi 2027 — Mua 2 tặng 1',
  startsAt: new Date('2026-12-15T01:00:00Z'),
  endsAt: new Date('2027-01-15T14:00:00Z'),
  area: 'Tỉnh Quảng Ngãi',
  promotionForm: 'Tặng hàng hóa cho khách hàng không kèm theo việc mua, sử dụng hàng hóa, dịch vụ',
  goods: 'Nước mắm Sa Huỳnh loại 500 ml',
  totalValue: 45_000_000,
  receivedAt: new Date('2026-12-02T08:45:00Z'),
  signer: { title: 'KT. Giám đốc', subtitle: 'Phó Giám đốc', name: 'Đặng Ngọc Ánh', signedNote: 'Đã ký số' },
};

export const feeReceipt: FeeReceiptData = {
  agency: COMMUNE,
  dossierCode: CODE,
  issuedAt: RECEIVED_AT,
  collector: { name: 'Ủy ban nhân dân xã Bình Sơn', taxCode: '4300999888', address: 'Xã Bình Sơn, tỉnh Quảng Ngãi' },
  templateSymbol: '01BLP0-001',
  series: 'BS-26E',
  number: '0000125',
  payer: { fullName: 'Nguyễn Thị Hồng Nhung', address: 'Thôn Phước Thịnh, xã Bình Sơn, tỉnh Quảng Ngãi' },
  items: [{ name: 'Lệ phí đăng ký hộ kinh doanh (giảm 50% khi nộp trực tuyến)', amount: 50_000 }],
  paymentMethod: 'Chuyển khoản qua Cổng Dịch vụ công',
  paidAt: RECEIVED_AT,
  lookupCode: 'BLBS26E0000125',
  collectorOfficer: 'Trần Văn Bình',
};
