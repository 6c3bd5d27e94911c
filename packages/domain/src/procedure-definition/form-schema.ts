import { z } from 'zod';
import { Condition } from './conditions';
import { FIELD_TYPE_NAMES } from './field-types';

/**
 * The form part of a procedure definition: steps of fields from the closed type library, with
 * conditions (JSON Logic) and cross-field rules as data. What a value means is the type's; what
 * the form asks is the definition's.
 */

export const LocalizedText = z.strictObject({
  vi: z.string().trim().min(1, { error: 'Vui lòng nhập nội dung tiếng Việt' }),
  en: z.string().trim().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const FieldKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: 'Khóa trường chỉ gồm chữ cái Latinh và chữ số, bắt đầu bằng chữ cái' })
  // A condition reading `constructor` would find the object's own, not the citizen's value.
  .refine((key) => !(key in Object.prototype), { error: 'Khóa trường trùng tên thuộc tính có sẵn của JavaScript' });

const RuleBase = {
  /** Stable name of the rule, for the admin screen and the audit. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'Mã quy tắc chỉ gồm chữ thường, chữ số và dấu "-"' }),
  message: z.string().trim().min(1, { error: 'Quy tắc phải có thông báo lỗi tiếng Việt' }),
  /** The same in English, for a citizen reading the app in English (absent: the Vietnamese is shown). */
  messageEn: z.string().trim().min(1).optional(),
};

/**
 * A check across fields of one group (the form, or a group / repeat item). It runs once the fields
 * it reads are valid, so the citizen sees it on the step where it belongs.
 */
export const FormRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('logic'),
    ...RuleBase,
    /** The rule applies only when this holds (absent: always). */
    when: Condition.optional(),
    /** Must hold, else `message` is shown at `path`. */
    assert: Condition,
    /** Dotted path (relative to the group) of the field the error is shown on; '' for the group itself. */
    path: z.string().default(''),
    /**
     * 'read-fields-valid' (default): checked once the fields it reads are valid and the group has no
     * error of its own. 'all-fields-valid': only once every field of the group is valid.
     */
    runsWhen: z.enum(['read-fields-valid', 'all-fields-valid']).default('read-fields-valid'),
  }),
  z.strictObject({
    kind: z.literal('unique'),
    ...RuleBase,
    /** Dotted paths whose values must all differ; `*` walks a repeat's items ('members.*.citizenId'). */
    items: z.array(z.string().min(1)).min(1),
  }),
]);
export type FormRule = z.output<typeof FormRule>;

export const FieldDefinition = z
  .strictObject({
    key: FieldKey,
    /** One of the library's types (checked when the definition is validated, with the path of the field). */
    type: z.string().meta({ enum: FIELD_TYPE_NAMES }),
    label: LocalizedText,
    /** The noun phrase used inside messages ("Vui lòng nhập {name}"); default: the label, lower-cased first letter. */
    name: z.string().trim().min(1).optional(),
    /** The same noun phrase in English ("the child's full name"); default: the English label, lower-cased first letter. */
    nameEn: z.string().trim().min(1).optional(),
    help: LocalizedText.optional(),
    /** Default true. A field with `visibleIf` is required only while it is shown. */
    required: z.boolean().optional(),
    /** Required only when this holds (then `required` must not be true). */
    requiredIf: Condition.optional(),
    /** Shown only when this holds; a hidden field's value is dropped, never validated. */
    visibleIf: Condition.optional(),
    /** The message for a missing value, instead of the type's default. */
    requiredMessage: z.string().trim().min(1).optional(),
    requiredMessageEn: z.string().trim().min(1).optional(),
    /** The type's parameters (options of a choice, length of a text…). */
    params: z.record(z.string(), z.unknown()).optional(),
    /** For `group` and `repeat`: the fields of the block. */
    get fields(): z.ZodOptional<z.ZodArray<typeof FieldDefinition>> {
      return z.array(FieldDefinition).optional();
    },
    /** For `group` and `repeat`: rules across the block's fields. */
    rules: z.array(FormRule).optional(),
    /**
     * A top-level `group` naming the person the signed-in citizen is: with a VNeID-verified identity,
     * its fullName, citizenId, birthDate, sex and residence are filled from it and locked
     * (verified-identity.ts).
     */
    prefill: z.literal('verified-identity').optional(),
  })
  .meta({ id: 'FieldDefinition' });
export type FieldDefinition = z.output<typeof FieldDefinition>;

export const FormStepDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'Mã bước chỉ gồm chữ thường, chữ số và dấu "-"' }),
  title: LocalizedText,
  fields: z.array(FieldDefinition).min(1, { error: 'Mỗi bước phải có ít nhất một trường' }),
});
export type FormStepDefinition = z.output<typeof FormStepDefinition>;

export const FormDefinition = z.strictObject({
  steps: z.array(FormStepDefinition).min(1, { error: 'Biểu mẫu phải có ít nhất một bước' }),
  /** Rules across the form's top-level fields. */
  rules: z.array(FormRule).optional(),
});
export type FormDefinition = z.output<typeof FormDefinition>;
