import { z } from 'zod';
import type { FieldType } from './field-type';
import {
  checkboxesField,
  checkboxField,
  dateField,
  longTextField,
  moneyField,
  numberField,
  radioField,
  selectField,
  textField,
} from './field-types-basic';
import {
  addressField,
  businessNameField,
  citizenIdField,
  emailField,
  nationalityField,
  phoneField,
  taxCodeField,
  vsicLinesField,
} from './field-types-vn';

export * from './field-type';

// biome-ignore lint/suspicious/noExplicitAny: each entry has its own parameter type; the registry holds them all
type AnyFieldType = FieldType<any>;

const GroupParams = z.strictObject({});

/** A block of fields kept together in the data (the owner, the parts of a change). */
export const groupField: FieldType<Record<string, never>> = {
  type: 'group',
  descriptionVi: 'Nhóm trường (một đối tượng), ví dụ thông tin chủ hộ',
  params: GroupParams,
  hasChildren: true,
  build: ({ item, required }) => {
    if (!item) throw new Error('group needs its fields');
    return required ? item : item.optional();
  },
  defaultValue: (_params, children) => children?.() ?? {},
  summary: (value) => (value && typeof value === 'object' ? `${Object.keys(value).length} thông tin` : '—'),
};

const RepeatParams = z.strictObject({
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().positive().optional(),
  /** An absent list counts as an empty one (members, prizes), rather than "not given" (a change form's part). */
  absentAsEmpty: z.boolean().default(false),
});
type RepeatParams = z.output<typeof RepeatParams>;

/** A list of the same block, added and removed by the citizen (household members, prizes). */
export const repeatField: FieldType<RepeatParams> = {
  type: 'repeat',
  descriptionVi: 'Danh sách lặp lại của một nhóm trường, ví dụ thành viên hộ gia đình, giải thưởng',
  params: RepeatParams,
  hasChildren: true,
  build: ({ item, params, name, required }) => {
    if (!item) throw new Error('repeat needs its fields');
    let list = z.array(item);
    if (params.minItems) list = list.min(params.minItems, { error: `Vui lòng kê khai ít nhất ${params.minItems} ${name}` });
    if (params.maxItems) list = list.max(params.maxItems, { error: `Chỉ được kê khai tối đa ${params.maxItems} ${name}` });
    if (params.absentAsEmpty) return list.default([]);
    return required ? list : list.optional();
  },
  defaultValue: () => [],
  summary: (value) => (Array.isArray(value) ? `${value.length} mục` : '—'),
};

/** The closed library: a definition may only use these types. */
export const FIELD_TYPES = {
  text: textField,
  'long-text': longTextField,
  number: numberField,
  money: moneyField,
  date: dateField,
  select: selectField,
  radio: radioField,
  checkbox: checkboxField,
  checkboxes: checkboxesField,
  'citizen-id': citizenIdField,
  phone: phoneField,
  email: emailField,
  'tax-code': taxCodeField,
  'vsic-lines': vsicLinesField,
  address: addressField,
  'business-name': businessNameField,
  nationality: nationalityField,
  group: groupField,
  repeat: repeatField,
} as const satisfies Record<string, AnyFieldType>;

export type FieldTypeName = keyof typeof FIELD_TYPES;
export const FIELD_TYPE_NAMES = Object.keys(FIELD_TYPES) as [FieldTypeName, ...FieldTypeName[]];

export function fieldType(type: string): FieldType | undefined {
  return Object.hasOwn(FIELD_TYPES, type) ? ((FIELD_TYPES as Record<string, AnyFieldType>)[type] as FieldType) : undefined;
}
