import type { LocalizedText } from '@dvc/domain/procedure-definition/form-schema';
import { useId } from 'react';
import { localized, paramsOf } from '../definition-form';
import { Choice } from '../fields';
import { getPath } from '../form-state';
import type { ControlProps } from './context';

interface Option {
  value: string;
  label: LocalizedText;
}

/** Select, radio, yes/no and several ticks: the options and their labels are the definition's. */
export function ChoiceControl({ field, path, ctx, label, hint, error }: ControlProps) {
  const id = useId();
  const raw = getPath(ctx.data, path);
  const options = (paramsOf<{ options?: Option[] }>(field).options ?? []).map((o) => ({
    value: o.value,
    label: localized(o.label, ctx.locale),
  }));
  if (field.type === 'checkbox') {
    // Yes and no are both answers: a lone tick box could not tell "no" from "not answered".
    return (
      <Choice
        label={label}
        options={[
          { value: true, label: ctx.t('form.yes') },
          { value: false, label: ctx.t('form.no') },
        ]}
        value={typeof raw === 'boolean' ? raw : undefined}
        onChange={(v) => ctx.set(path, v)}
        error={error}
      />
    );
  }
  if (field.type === 'radio') {
    return (
      <Choice
        label={label}
        options={options}
        value={typeof raw === 'string' && raw ? raw : undefined}
        onChange={(v) => ctx.set(path, v)}
        error={error}
      />
    );
  }
  if (field.type === 'checkboxes') {
    const picked = Array.isArray(raw) ? (raw as string[]) : [];
    return (
      <fieldset className={`field${error ? ' has-error' : ''}`}>
        <legend>{label}</legend>
        {hint && <p className="hint">{hint}</p>}
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={picked.includes(o.value)}
              onChange={(e) => ctx.set(path, e.target.checked ? [...picked, o.value] : picked.filter((v) => v !== o.value))}
            />
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
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <select
        id={id}
        value={typeof raw === 'string' ? raw : ''}
        aria-invalid={error ? true : undefined}
        onChange={(e) => ctx.set(path, e.target.value || undefined)}
      >
        <option value="">{ctx.t('form.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
