import type { z } from 'zod';

/**
 * One entry of the closed field-type library: how its parameters look, the zod schema of its value
 * (the only validator, used by phone and server alike), the value a new draft starts with, and the
 * one-line text an officer or a receipt shows for it.
 */
export interface FieldType<P = Record<string, unknown>> {
  type: string;
  /** What the type is, for the documentation and the admin screen. */
  descriptionVi: string;
  params: z.ZodType<P>;
  /** Group and repeat contain fields of their own. */
  hasChildren?: boolean;
  build(ctx: FieldBuildContext<P>): z.ZodType;
  defaultValue(params: P, children?: ChildDefaults): unknown;
  summary(value: unknown, params: P): string;
}

export interface FieldBuildContext<P> {
  params: P;
  /** Noun phrase used inside messages: "Vui lòng nhập {name}". */
  name: string;
  /** False when the value may be absent (optional field, or required only under a condition). */
  required: boolean;
  /** Message for a missing value or a value of the wrong kind, when the definition gives one. */
  requiredMessage?: string;
  /** For group and repeat: the compiled object of the child fields. */
  item?: z.ZodType;
  /** For a date bound by the procedure's notice rule: the earliest allowed date and its message. */
  earliest?: { date: string; message: string };
}

export type ChildDefaults = () => Record<string, unknown>;

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function dateVi(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** 50000000 → '50.000.000 đồng'. */
export function dongVi(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

export function defineFieldType<P>(spec: FieldType<P>): FieldType<P> {
  return spec;
}
