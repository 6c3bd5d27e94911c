/**
 * Filled-in forms of the two interlinked groups, one object per group filing (each member takes the
 * keys its own form declares). Tests and the demo use them; they are not part of any definition.
 */

const applicant = { fullName: 'Nguyễn Văn An', citizenId: '051090123456', phone: '0905000001' };

export const BIRTH_GROUP_FORM = {
  applicant,
  applicantRelationship: 'cha',
  child: {
    fullName: 'Nguyễn Minh Khang',
    birthDate: '2026-11-20',
    sex: 'male',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    birthPlace: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi, phường Cẩm Thành, tỉnh Quảng Ngãi',
    hometown: 'Xã Tịnh Khê, tỉnh Quảng Ngãi',
  },
  mother: {
    fullName: 'Trần Thị Bích',
    birthDate: '1992-04-02',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    citizenId: '051192123457',
    residence: '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  father: {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-01-15',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    citizenId: '051090123456',
    residence: '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  residenceAddress: { unitCode: '21025', street: '12 Lê Lợi' },
  householdHead: { fullName: 'Nguyễn Văn An', citizenId: '051090123456', relationship: 'con' },
  householdHeadConsent: true,
  primaryCareFacility: 'Trạm Y tế phường Cẩm Thành',
  cardDelivery: 'electronic',
  note: 'Khai sinh cho con',
};

export const DEATH_GROUP_FORM = {
  applicant,
  applicantRelationship: 'con',
  deceased: {
    fullName: 'Nguyễn Văn Bảy',
    birthDate: '1940-03-08',
    sex: 'male',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    citizenId: '051040123456',
    lastResidence: '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  deathDate: '2026-11-27',
  deathTime: '05:30',
  deathPlace: 'Tại nhà, 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
  deathCause: 'Già yếu',
  deathNotice: { number: '125/GBT', issuedOn: '2026-11-27', issuer: 'Trạm Y tế phường Cẩm Thành' },
  permanentResidence: { unitCode: '21025', street: '12 Lê Lợi' },
  beneficiaryCategory: 'cao-tuoi',
  organiser: {
    fullName: 'Nguyễn Văn An',
    citizenId: '051090123456',
    relationship: 'Con',
    residence: '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
    phone: '0905000001',
  },
  payment: 'cash',
};
