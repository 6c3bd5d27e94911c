import { z } from 'zod';
import { dong, isoDate, optionalText, requiredText } from '../forms/common';
import { isCalendarDate } from '../holidays';
import { capitalise, dateVi, defineFieldType, dongVi } from './field-type';

/** The general-purpose field types: text, numbers, money, dates, choices. */

const TextParams: z.ZodType<{ maxLength?: number; pattern?: string; patternMessage?: string }> = z.strictObject({
  /** Longest accepted length, in characters. */
  maxLength: z.number().int().positive().optional(),
  /** A regular expression the trimmed text must match (e.g. a registration number's characters). */
  pattern: z.string().min(1).max(200).refine(isRegExp, { error: 'Biểu thức chính quy không hợp lệ' }).optional(),
  patternMessage: z.string().min(1).optional(),
});
type TextParams = z.infer<typeof TextParams>;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function textType(type: 'text' | 'long-text', defaultMax: number, descriptionVi: string) {
  return defineFieldType<TextParams>({
    type,
    descriptionVi,
    params: TextParams,
    build: ({ params, name, required }) => {
      const max = params.maxLength ?? defaultMax;
      const pattern = params.pattern ? new RegExp(params.pattern) : undefined;
      const message = params.patternMessage ?? `${capitalise(name)} không đúng định dạng`;
      if (required) {
        const base = requiredText(name, max);
        return pattern ? base.regex(pattern, { error: message }) : base;
      }
      const base = optionalText(name, max);
      return pattern ? base.refine((v) => v === undefined || pattern.test(v), { error: message }) : base;
    },
    defaultValue: () => '',
    summary: (value) => (typeof value === 'string' && value.trim() ? value.trim() : '—'),
  });
}

export const textField = textType('text', 255, 'Chữ, một dòng (tối đa 255 ký tự nếu không nói khác)');
export const longTextField = textType('long-text', 2000, 'Chữ, nhiều dòng (tối đa 2.000 ký tự nếu không nói khác)');

const NumberParams = z.strictObject({
  integer: z.boolean().default(true),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Strictly above 0 (a quantity). */
  positive: z.boolean().optional(),
});

export const numberField = defineFieldType<z.output<typeof NumberParams>>({
  type: 'number',
  descriptionVi: 'Số (mặc định là số nguyên)',
  params: NumberParams,
  build: ({ params, name, required, requiredMessage }) => {
    const label = capitalise(name);
    let schema = z.number({ error: requiredMessage ?? `Vui lòng nhập ${name}` });
    if (params.integer) schema = schema.int({ error: `${label} phải là số nguyên` });
    if (params.positive) schema = schema.positive({ error: `${label} phải lớn hơn 0` });
    if (params.min !== undefined) {
      schema = schema.min(params.min, {
        error: params.min === 0 ? `${label} không được âm` : `${label} phải từ ${params.min} trở lên`,
      });
    }
    if (params.max !== undefined) schema = schema.max(params.max, { error: `${label} không được lớn hơn ${params.max}` });
    return required ? schema : schema.optional();
  },
  defaultValue: () => undefined,
  summary: (value) => (typeof value === 'number' ? value.toLocaleString('vi-VN') : '—'),
});

const MoneyParams = z.strictObject({ allowZero: z.boolean().default(false) });

export const moneyField = defineFieldType<z.output<typeof MoneyParams>>({
  type: 'money',
  descriptionVi: 'Số tiền, số nguyên đồng (lớn hơn 0, hoặc từ 0 khi cho phép)',
  params: MoneyParams,
  build: ({ params, name, required }) => {
    const schema = dong(name, { allowZero: params.allowZero });
    return required ? schema : schema.optional();
  },
  defaultValue: () => undefined,
  summary: (value) => (typeof value === 'number' ? dongVi(value) : '—'),
});

export const dateField = defineFieldType<Record<string, never>>({
  type: 'date',
  descriptionVi: 'Ngày dương lịch YYYY-MM-DD (bộ chọn ngày của điện thoại); có thể bị giới hạn bởi quy tắc báo trước',
  params: z.strictObject({}),
  build: ({ name, required, earliest }) => {
    let schema: z.ZodType<string> = isoDate(name);
    if (earliest) schema = (schema as ReturnType<typeof isoDate>).refine((d) => d >= earliest.date, { error: earliest.message });
    return required ? schema : z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
  },
  defaultValue: () => '',
  summary: (value) => (typeof value === 'string' && isCalendarDate(value) ? dateVi(value) : '—'),
});

export const ChoiceOption = z.strictObject({
  value: z.string().min(1),
  label: z.strictObject({ vi: z.string().min(1), en: z.string().min(1).optional() }),
  /**
   * The option is listed (the citizen recognises it) but cannot be filed through this procedure;
   * choosing it shows this message (e.g. a lottery promotion must be registered, not notified).
   */
  refusedMessage: z.string().min(1).optional(),
});
const ChoiceParams = z.strictObject({ options: z.array(ChoiceOption).min(1) });
type ChoiceParams = z.infer<typeof ChoiceParams>;

function optionLabel(params: ChoiceParams, value: unknown): string {
  return params.options.find((o) => o.value === value)?.label.vi ?? (typeof value === 'string' ? value : '—');
}

function choiceType(type: 'select' | 'radio', descriptionVi: string) {
  return defineFieldType<ChoiceParams>({
    type,
    descriptionVi,
    params: ChoiceParams,
    build: ({ params, name, required, requiredMessage }) => {
      const values = params.options.map((o) => o.value) as [string, ...string[]];
      const refused = new Map(params.options.filter((o) => o.refusedMessage).map((o) => [o.value, o.refusedMessage]));
      let schema: z.ZodType = z.enum(values, { error: requiredMessage ?? `Vui lòng chọn ${name}` });
      if (refused.size > 0) {
        schema = (schema as z.ZodEnum).superRefine((v, ctx) => {
          const message = refused.get(String(v));
          if (message) ctx.addIssue({ code: 'custom', message });
        });
      }
      return required ? schema : z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
    },
    defaultValue: () => '',
    summary: (value, params) => optionLabel(params, value),
  });
}

export const selectField = choiceType('select', 'Chọn một mục trong danh sách thả xuống');
export const radioField = choiceType('radio', 'Chọn một trong vài lựa chọn hiện sẵn (nút chọn)');

export const checkboxField = defineFieldType<Record<string, never>>({
  type: 'checkbox',
  descriptionVi: 'Có / Không',
  params: z.strictObject({}),
  build: ({ required, requiredMessage }) => {
    const schema = z.boolean({ error: requiredMessage ?? 'Vui lòng chọn Có hoặc Không' });
    return required ? schema : schema.optional();
  },
  defaultValue: () => undefined,
  summary: (value) => (value === true ? 'Có' : value === false ? 'Không' : '—'),
});

export const checkboxesField = defineFieldType<ChoiceParams>({
  type: 'checkboxes',
  descriptionVi: 'Chọn một hoặc nhiều mục (ô đánh dấu)',
  params: ChoiceParams,
  build: ({ params, name, required, requiredMessage }) => {
    const values = params.options.map((o) => o.value) as [string, ...string[]];
    const message = requiredMessage ?? `Vui lòng chọn ${name}`;
    const list = z
      .array(z.enum(values, { error: `Lựa chọn không có trong danh sách ${name}` }), { error: message })
      .refine((l) => new Set(l).size === l.length, { error: 'Mỗi mục chỉ được chọn một lần' });
    return required ? list.refine((l) => l.length > 0, { error: message }) : list.optional();
  },
  defaultValue: () => [],
  summary: (value, params) =>
    Array.isArray(value) && value.length > 0 ? value.map((v) => optionLabel(params, v)).join('; ') : '—',
});
