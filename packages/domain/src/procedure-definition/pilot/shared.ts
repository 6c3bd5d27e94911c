import type { FieldDefinition } from '../form-schema';

/** Pieces the pilot definitions share: written once here, still plain data in each definition. */

export const DOCUMENT_FILES = { accepts: ['pdf', 'jpeg', 'png'] as Array<'pdf' | 'jpeg' | 'png'>, maxBytes: 10 * 1024 * 1024 };

/** From 1 June 2023 the province accepts the household-business procedures online only (seed 002). */
export const HOUSEHOLD_BUSINESS_ONLINE_ONLY = [
  {
    from: '2023-06-01',
    basis: 'Chủ trương của UBND tỉnh Quảng Ngãi về tiếp nhận trực tuyến (thí điểm 2022–2023)',
    exceptions: [
      {
        id: 'truong-hop-dac-biet',
        label: { vi: 'Trường hợp đặc biệt (cán bộ tiếp nhận ghi rõ lý do)', en: 'Special case (the officer writes why)' },
        requiresReason: true,
      },
    ],
  },
];

export const HOUSEHOLD_BUSINESS_AUTHORITY = [
  { until: '2025-06-30', level: 'district', agencyKind: 'district_people_committee' },
  { from: '2025-07-01', level: 'commune', agencyKind: 'commune_people_committee' },
] as const;

export const SEX_OPTIONS = [
  { value: 'male', label: { vi: 'Nam', en: 'Male' } },
  { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
];

export const registrationNumberField: FieldDefinition = {
  key: 'registrationNumber',
  type: 'text',
  label: { vi: 'Mã số đăng ký hộ kinh doanh', en: 'Registration number' },
  params: {
    maxLength: 30,
    pattern: '^[0-9A-Za-z./-]+$',
    patternMessage: 'Mã số đăng ký hộ kinh doanh chỉ gồm chữ cái, chữ số và dấu "-", "/", "."',
  },
};

export const ownerCitizenIdField: FieldDefinition = {
  key: 'ownerCitizenId',
  type: 'citizen-id',
  label: { vi: 'Số định danh cá nhân của chủ hộ', en: "Owner's citizen ID" },
};

export const businessNameField: FieldDefinition = {
  key: 'businessName',
  type: 'business-name',
  label: { vi: 'Tên hộ kinh doanh', en: 'Business name' },
};

export const locationField: FieldDefinition = {
  key: 'location',
  type: 'address',
  label: { vi: 'Địa điểm kinh doanh', en: 'Business location' },
};

export const businessLinesField: FieldDefinition = {
  key: 'businessLines',
  type: 'vsic-lines',
  label: { vi: 'Ngành, nghề kinh doanh', en: 'Business lines' },
};

export const capitalField: FieldDefinition = {
  key: 'capital',
  type: 'money',
  label: { vi: 'Vốn kinh doanh', en: 'Capital' },
  nameEn: 'the business capital',
};

export const employeesField: FieldDefinition = {
  key: 'employees',
  type: 'number',
  label: { vi: 'Số lao động', en: 'Employees' },
  nameEn: 'the number of employees',
  params: { integer: true, min: 0 },
};

export const ownerField: FieldDefinition = {
  key: 'owner',
  type: 'group',
  label: { vi: 'Chủ hộ kinh doanh', en: 'Owner' },
  fields: [
    { key: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, params: { maxLength: 100 } },
    { key: 'birthDate', type: 'date', label: { vi: 'Ngày sinh', en: 'Date of birth' } },
    { key: 'sex', type: 'radio', label: { vi: 'Giới tính', en: 'Sex' }, params: { options: SEX_OPTIONS } },
    { key: 'ethnicity', type: 'text', label: { vi: 'Dân tộc', en: 'Ethnicity' }, params: { maxLength: 50 } },
    {
      key: 'nationality',
      type: 'nationality',
      label: { vi: 'Quốc tịch', en: 'Nationality' },
      params: { vietnameseOnly: true, vietnameseOnlyMessage: 'Chủ hộ kinh doanh phải là công dân Việt Nam' },
    },
    {
      key: 'citizenId',
      type: 'citizen-id',
      label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' },
      params: { birthDateKey: 'birthDate', sexKey: 'sex' },
    },
    { key: 'residence', type: 'text', label: { vi: 'Nơi thường trú', en: 'Permanent residence' } },
    { key: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' } },
    { key: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, required: false },
  ],
};

export function membersField(absentAsEmpty: boolean): FieldDefinition {
  return {
    key: 'members',
    type: 'repeat',
    label: { vi: 'Thành viên hộ gia đình góp vốn', en: 'Contributing household members' },
    name: 'thành viên',
    nameEn: 'the household members',
    required: false,
    params: { absentAsEmpty },
    fields: [
      {
        key: 'fullName',
        type: 'text',
        label: { vi: 'Họ và tên thành viên', en: 'Full name' },
        params: { maxLength: 100 },
      },
      { key: 'birthDate', type: 'date', label: { vi: 'Ngày sinh', en: 'Date of birth' } },
      {
        key: 'citizenId',
        type: 'citizen-id',
        label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' },
        params: { birthDateKey: 'birthDate' },
      },
      {
        key: 'contribution',
        type: 'money',
        label: { vi: 'Phần vốn góp', en: 'Contribution' },
        required: false,
        params: { allowZero: true },
      },
    ],
  };
}
