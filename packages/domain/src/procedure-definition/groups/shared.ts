import type { FieldDefinition } from '../form-schema';
import { SEX_OPTIONS } from '../pilot/shared';

/**
 * Fields the members of an interlinked group share. One group filing sends one form; each member
 * takes the top-level keys its own definition declares, so a key two members declare must be the
 * very same field in both (the child of the birth group, the deceased of the death group).
 */

export { DOCUMENT_FILES } from '../pilot/shared';

const text = (key: string, vi: string, en: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key,
  type: 'text',
  label: { vi, en },
  ...extra,
});

/** Who files (người yêu cầu): the block the group filing has always sent. */
export const applicantField: FieldDefinition = {
  key: 'applicant',
  type: 'group',
  label: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  fields: [
    text('fullName', 'Họ và tên người nộp', 'Full name', { params: { maxLength: 100 } }),
    { key: 'citizenId', type: 'citizen-id', label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' } },
    { key: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' } },
    { key: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' }, required: false },
  ],
};

export const noteField: FieldDefinition = {
  key: 'note',
  type: 'long-text',
  label: { vi: 'Ghi chú', en: 'Note' },
  required: false,
};

const nationalityField: FieldDefinition = {
  key: 'nationality',
  type: 'nationality',
  label: { vi: 'Quốc tịch', en: 'Nationality' },
};

const ethnicityField = text('ethnicity', 'Dân tộc', 'Ethnicity', { params: { maxLength: 50 } });

/** Quan hệ với người được khai sinh / người đã chết. */
export function relationshipField(key: string, vi: string, options: Array<[string, string, string]>): FieldDefinition {
  return {
    key,
    type: 'select',
    label: { vi, en: 'Relationship' },
    params: { options: options.map(([value, label, en]) => ({ value, label: { vi: label, en } })) },
  };
}

/** Người được khai sinh (Tờ khai đăng ký khai sinh, Thông tư 04/2020/TT-BTP): shared by the birth group. */
export const childField: FieldDefinition = {
  key: 'child',
  type: 'group',
  label: { vi: 'Người được khai sinh', en: 'Child' },
  fields: [
    text('fullName', 'Họ, chữ đệm và tên', 'Full name', {
      name: 'họ và tên của trẻ',
      nameEn: "the child's full name",
      params: { maxLength: 100 },
    }),
    {
      key: 'birthDate',
      type: 'date',
      label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
      name: 'ngày sinh của trẻ',
      nameEn: "the child's date of birth",
    },
    { key: 'sex', type: 'radio', label: { vi: 'Giới tính', en: 'Sex' }, params: { options: SEX_OPTIONS } },
    ethnicityField,
    nationalityField,
    text('birthPlace', 'Nơi sinh', 'Place of birth', {
      help: { vi: 'Tên cơ sở y tế (nếu sinh tại cơ sở y tế), xã/phường, tỉnh/thành phố' },
      params: { maxLength: 255 },
    }),
    text('hometown', 'Quê quán', 'Hometown', { params: { maxLength: 255 } }),
  ],
};

/** A parent of the child (mẹ, cha): name, birth, ethnicity, nationality, ID, residence. */
export function parentField(key: 'mother' | 'father', vi: string, en: string, required: boolean): FieldDefinition {
  return {
    key,
    type: 'group',
    label: { vi, en },
    ...(required ? {} : { required: false }),
    fields: [
      text('fullName', 'Họ, chữ đệm và tên', 'Full name', {
        name: `họ và tên ${vi.toLowerCase()}`,
        nameEn: `the ${en.toLowerCase()}'s full name`,
        params: { maxLength: 100 },
      }),
      { key: 'birthDate', type: 'date', label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' } },
      ethnicityField,
      nationalityField,
      {
        key: 'citizenId',
        type: 'citizen-id',
        label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' },
        params: { birthDateKey: 'birthDate' },
      },
      text('residence', 'Nơi cư trú', 'Residence', { params: { maxLength: 255 } }),
    ],
  };
}

/** Người đã chết (Tờ khai đăng ký khai tử): shared by the death group. */
export const deceasedField: FieldDefinition = {
  key: 'deceased',
  type: 'group',
  label: { vi: 'Người đã chết', en: 'Deceased' },
  fields: [
    text('fullName', 'Họ, chữ đệm và tên', 'Full name', {
      name: 'họ và tên người đã chết',
      nameEn: "the deceased's full name",
      params: { maxLength: 100 },
    }),
    { key: 'birthDate', type: 'date', label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' } },
    { key: 'sex', type: 'radio', label: { vi: 'Giới tính', en: 'Sex' }, params: { options: SEX_OPTIONS } },
    ethnicityField,
    nationalityField,
    {
      key: 'citizenId',
      type: 'citizen-id',
      label: { vi: 'Số định danh cá nhân', en: 'Citizen ID' },
      params: { birthDateKey: 'birthDate', sexKey: 'sex' },
    },
    text('lastResidence', 'Nơi cư trú cuối cùng', 'Last residence', { params: { maxLength: 255 } }),
  ],
};

export const deathDateField: FieldDefinition = {
  key: 'deathDate',
  type: 'date',
  label: { vi: 'Ngày chết', en: 'Date of death' },
};

/** The date of death cannot come before the birth (a rule of each death-group form). */
export const deathAfterBirthRule = {
  kind: 'logic' as const,
  id: 'chet-sau-ngay-sinh',
  assert: { '>=': [{ var: 'deathDate' }, { var: 'deceased.birthDate' }] },
  path: 'deathDate',
  message: 'Ngày chết không được trước ngày sinh của người đã chết',
  messageEn: "The date of death cannot be before the deceased's date of birth",
};

export const RELATIVE_OPTIONS_BIRTH: Array<[string, string, string]> = [
  ['me', 'Mẹ', 'Mother'],
  ['cha', 'Cha', 'Father'],
  ['ong-ba', 'Ông, bà', 'Grandparent'],
  ['nguoi-than', 'Người thân thích khác', 'Other relative'],
  ['nguoi-duoc-uy-quyen', 'Người được ủy quyền', 'Authorised person'],
];

export const RELATIVE_OPTIONS_DEATH: Array<[string, string, string]> = [
  ['vo-chong', 'Vợ, chồng', 'Spouse'],
  ['con', 'Con', 'Child'],
  ['cha-me', 'Cha, mẹ', 'Parent'],
  ['nguoi-than', 'Người thân thích khác', 'Other relative'],
  ['co-quan-to-chuc', 'Đại diện cơ quan, tổ chức', 'On behalf of an organisation'],
  ['nguoi-duoc-uy-quyen', 'Người được ủy quyền', 'Authorised person'],
];

/** The declarant's relationship, one field shared by the members that ask it. */
export const birthRelationshipField = relationshipField(
  'applicantRelationship',
  'Quan hệ với người được khai sinh',
  RELATIVE_OPTIONS_BIRTH,
);
export const deathRelationshipField = relationshipField(
  'applicantRelationship',
  'Quan hệ với người đã chết',
  RELATIVE_OPTIONS_DEATH,
);
