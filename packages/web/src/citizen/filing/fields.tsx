import { type ReactNode, useId } from 'react';
import type { Locale, MessageKey } from '../../i18n';
import { groupThousands, parseGrouped } from '../../shared/format';
import { TextField } from '../../shared/ui';
import type { PickedFile } from './AttachmentInput';
import { errorFor, type FieldError, type FormData, getPath } from './form-state';

/** What every step renderer receives: the form, a setter by path, the step's errors and the wizard's extras. */
export interface StepProps {
  data: FormData;
  set: (path: string, value: unknown) => void;
  errors: FieldError[];
  meta: WizardMeta;
  setMeta: (patch: Partial<WizardMeta>) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
}

/** Wizard state that is not part of the procedure's form (names for display, files, delivery for non-HKD forms). */
export interface WizardMeta {
  unitCode?: string;
  unitName?: string;
  locationUnitName?: string;
  delivery?: 'counter' | 'post' | 'electronic';
  files: PickedFile[];
}

type InputKind = 'text' | 'date' | 'tel' | 'email' | 'digits' | 'int' | 'money';

/** A text input bound to a form path, with the schema's message beside it. */
export function Bound({
  p,
  path,
  label,
  kind = 'text',
  hint,
  placeholder,
  autoComplete,
}: {
  p: StepProps;
  path: string;
  label: string;
  kind?: InputKind;
  hint?: ReactNode;
  placeholder?: string;
  autoComplete?: string;
}) {
  const raw = getPath(p.data, path);
  const common = { label, hint, placeholder, autoComplete, error: errorFor(p.errors, path) };
  if (kind === 'money') {
    return (
      <TextField
        {...common}
        inputMode="numeric"
        value={typeof raw === 'number' ? groupThousands(String(raw)) : ''}
        onChange={(e) => p.set(path, parseGrouped(e.target.value))}
        hint={hint ?? p.t('field.moneyHint')}
      />
    );
  }
  if (kind === 'int') {
    return (
      <TextField
        {...common}
        inputMode="numeric"
        value={typeof raw === 'number' ? String(raw) : ''}
        onChange={(e) => p.set(path, parseGrouped(e.target.value))}
      />
    );
  }
  return (
    <TextField
      {...common}
      type={kind === 'digits' ? 'text' : kind}
      inputMode={kind === 'digits' ? 'numeric' : undefined}
      value={typeof raw === 'string' ? raw : ''}
      onChange={(e) => p.set(path, kind === 'digits' ? e.target.value.replace(/\D/g, '') : e.target.value)}
    />
  );
}

export function BoundArea({ p, path, label }: { p: StepProps; path: string; label: string }) {
  const id = useId();
  const error = errorFor(p.errors, path);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} value={String(getPath(p.data, path) ?? '')} onChange={(e) => p.set(path, e.target.value)} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Big radio buttons (one per line) — easier to hit than a <select> on a small screen. */
export function Choice<V extends string | boolean>({
  label,
  options,
  value,
  onChange,
  error,
}: {
  label: string;
  options: { value: V; label: string }[];
  value: V | undefined;
  onChange: (v: V) => void;
  error?: string;
}) {
  const name = useId();
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className="radio">
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** GOV.UK-style error summary at the top of the step: every problem once, including list and cross-field rules. */
export function StepErrors({ errors, title }: { errors: FieldError[]; title: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <strong>{title}</strong>
      <ul>
        {errors.map((e) => (
          <li key={e.field + e.message}>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}
