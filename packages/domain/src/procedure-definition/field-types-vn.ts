import { z } from 'zod';
import { checkBusinessName } from '../business-name';
import { CitizenId, isVietnamese, OptionalEmail, Phone, requiredText, UnitCode } from '../forms/common';
import { formatTaxCode, TaxCode } from '../tax-code';
import { isPlausibleVsicCode } from '../vsic';
import { defineFieldType } from './field-type';

/**
 * The Vietnamese field types: each wraps a check already written in the domain, so a definition
 * gets the same rules as the hand-written forms without repeating them.
 */

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : '—');

const CitizenIdParams = z.strictObject({
  /** Sibling date field holding the person's birth date: the ID's year digits must agree with it. */
  birthDateKey: z.string().min(1).optional(),
  /** Sibling choice field (male/female) holding the person's sex: the ID's 4th digit must agree with it. */
  sexKey: z.string().min(1).optional(),
});
export type CitizenIdParams = z.infer<typeof CitizenIdParams>;

export const citizenIdField = defineFieldType<CitizenIdParams>({
  type: 'citizen-id',
  descriptionVi:
    'Số định danh cá nhân (12 chữ số, mã tỉnh nơi khai sinh); đối chiếu năm sinh và giới tính với các trường cùng nhóm',
  params: CitizenIdParams,
  build: ({ required }) => (required ? CitizenId : z.preprocess(blankToUndefined, CitizenId.optional())),
  defaultValue: () => '',
  summary: text,
});

export const phoneField = defineFieldType<Record<string, never>>({
  type: 'phone',
  descriptionVi: 'Số điện thoại di động Việt Nam (chuẩn hóa về 0xxxxxxxxx)',
  params: z.strictObject({}),
  build: ({ required }) => (required ? Phone : z.preprocess(blankToUndefined, Phone.optional())),
  defaultValue: () => '',
  summary: text,
});

export const emailField = defineFieldType<Record<string, never>>({
  type: 'email',
  descriptionVi: 'Địa chỉ thư điện tử',
  params: z.strictObject({}),
  build: ({ required }) => (required ? z.email({ error: 'Vui lòng nhập địa chỉ thư điện tử hợp lệ' }) : OptionalEmail),
  defaultValue: () => '',
  summary: text,
});

export const taxCodeField = defineFieldType<Record<string, never>>({
  type: 'tax-code',
  descriptionVi: 'Mã số thuế 10 hoặc 13 chữ số, kiểm tra chữ số thứ 10',
  params: z.strictObject({}),
  build: ({ required }) => (required ? TaxCode : z.preprocess(blankToUndefined, TaxCode.optional())),
  defaultValue: () => '',
  summary: (value) => (typeof value === 'string' && value.trim() ? formatTaxCode(value) : '—'),
});

const VsicLine = z.strictObject({
  code: z
    .string({ error: 'Vui lòng chọn mã ngành' })
    .trim()
    .superRefine((code, ctx) => {
      const check = isPlausibleVsicCode(code);
      if (!check.plausible) ctx.addIssue({ code: 'custom', message: check.message });
    }),
  name: requiredText('tên ngành, nghề', 500),
  isMain: z.boolean({ error: 'Cho biết đây có phải ngành chính không' }),
});

/** At least one line, no code twice, exactly one main line (it is printed first on the certificate). */
const VsicLines = z
  .array(VsicLine, { error: 'Vui lòng chọn ít nhất một ngành, nghề kinh doanh' })
  .min(1, { error: 'Vui lòng chọn ít nhất một ngành, nghề kinh doanh' })
  .superRefine((lines, ctx) => {
    const mains = lines.filter((l) => l.isMain).length;
    if (mains !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: mains === 0 ? 'Chọn một ngành, nghề kinh doanh chính' : 'Chỉ được chọn một ngành, nghề kinh doanh chính',
      });
    }
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `Ngành ${l.code} đã được chọn` });
      seen.add(l.code);
    });
  });

export const vsicLinesField = defineFieldType<Record<string, never>>({
  type: 'vsic-lines',
  descriptionVi: 'Ngành, nghề kinh doanh theo VSIC 2018 (mã cấp 4): ít nhất một, không trùng, đúng một ngành chính',
  params: z.strictObject({}),
  build: ({ required }) => (required ? VsicLines : VsicLines.optional()),
  defaultValue: () => [],
  summary: (value) =>
    Array.isArray(value) && value.length > 0
      ? value
          .map((l: { code?: string; name?: string; isMain?: boolean }) =>
            `${l.code} ${l.name ?? ''}${l.isMain ? ' (ngành chính)' : ''}`.trim(),
          )
          .join('; ')
      : '—',
});

const DEFAULT_STREET_NAME = 'số nhà, đường, thôn/tổ dân phố';
const DEFAULT_STREET_NAME_EN = 'house number, street, hamlet or residential group';

const AddressParams = z.strictObject({
  /** Noun phrase of the street part in messages. */
  streetName: z.string().min(1).default(DEFAULT_STREET_NAME),
  /** The same in English (absent: the default's English when the default is used, else the Vietnamese). */
  streetNameEn: z.string().min(1).optional(),
});

/** The street part's English noun phrase, for labels and messages of a citizen reading in English. */
export function streetNameEnOf(params: { streetName?: string; streetNameEn?: string }): string | undefined {
  return (
    params.streetNameEn ??
    (params.streetName === undefined || params.streetName === DEFAULT_STREET_NAME ? DEFAULT_STREET_NAME_EN : undefined)
  );
}

export const addressField = defineFieldType<z.output<typeof AddressParams>>({
  type: 'address',
  descriptionVi:
    'Đơn vị hành chính cấp xã (mã 5 chữ số của danh mục quốc gia; máy chủ kiểm tra còn hiệu lực tại ngày nộp) và số nhà, đường',
  params: AddressParams,
  build: ({ params, required }) => {
    const schema = z.strictObject({ unitCode: UnitCode, street: requiredText(params.streetName, 255) });
    return required ? schema : schema.optional();
  },
  defaultValue: () => ({ unitCode: '', street: '' }),
  summary: (value) => {
    const v = value as { unitCode?: string; street?: string } | undefined;
    return v?.street ? `${v.street} (mã xã ${v.unitCode ?? '—'})` : '—';
  },
});

const BusinessNameSchema = z
  .string({ error: 'Vui lòng nhập tên hộ kinh doanh' })
  .superRefine((name, ctx) => {
    for (const message of checkBusinessName(name)) ctx.addIssue({ code: 'custom', message });
  })
  .transform((name) => name.normalize('NFC').replace(/\s+/g, ' ').trim());

export const businessNameField = defineFieldType<Record<string, never>>({
  type: 'business-name',
  descriptionVi:
    'Tên hộ kinh doanh: "Hộ kinh doanh" + tên riêng, theo quy tắc đặt tên (máy chủ kiểm tra thêm tên trùng trong sổ đăng ký)',
  params: z.strictObject({}),
  build: ({ required }) => (required ? BusinessNameSchema : BusinessNameSchema.optional()),
  defaultValue: () => 'Hộ kinh doanh ',
  summary: text,
});

const NationalityParams = z.strictObject({
  /** Only Vietnamese citizens may file (e.g. the owner of a household business). */
  vietnameseOnly: z.boolean().default(false),
  vietnameseOnlyMessage: z.string().min(1).default('Người khai phải là công dân Việt Nam'),
});

export const nationalityField = defineFieldType<z.output<typeof NationalityParams>>({
  type: 'nationality',
  descriptionVi: 'Quốc tịch (chữ); có thể chỉ nhận công dân Việt Nam',
  params: NationalityParams,
  build: ({ params, name, required }) => {
    const base = requiredText(name, 50);
    const schema = params.vietnameseOnly ? base.refine(isVietnamese, { error: params.vietnameseOnlyMessage }) : base;
    return required ? schema : z.preprocess(blankToUndefined, schema.optional());
  },
  defaultValue: () => 'Việt Nam',
  summary: text,
});
