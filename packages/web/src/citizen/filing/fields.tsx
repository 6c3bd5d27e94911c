import { useId } from 'react';
import type { PickedFile } from './AttachmentInput';
import type { FieldError } from './form-state';

/** Wizard state that is not part of the procedure's form: names for display, files, where and how for forms that do not say. */
export interface WizardMeta {
  unitCode?: string;
  unitName?: string;
  /** Names of the communes picked in the form's addresses, by the address field's path. */
  unitNames?: Record<string, string>;
  delivery?: 'counter' | 'post' | 'electronic';
  files: PickedFile[];
  /** Paths of the fields filled from the VNeID-verified identity, and the papers it replaces (verified-identity.tsx). */
  locked?: string[];
  waived?: string[];
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
