import { useId, useState } from 'react';
import { groupThousands, parseGrouped } from '../../../shared/format';
import { TextField } from '../../../shared/ui';
import { paramsOf, parseNumber } from '../definition-form';
import { getPath } from '../form-state';
import type { ControlProps } from './context';

/** Text, long text, number, money, date and the Vietnamese identifiers: one input each, the message under it. */
export function TextLikeControl({ field, path, ctx, label, hint, error }: ControlProps) {
  const raw = getPath(ctx.data, path);
  const set = (v: unknown) => ctx.set(path, v);
  const common = { label, hint, error };
  const text = typeof raw === 'string' ? raw : '';
  switch (field.type) {
    case 'long-text':
      return <TextArea label={label} hint={hint} error={error} value={text} onChange={set} />;
    case 'money':
      return (
        <TextField
          {...common}
          inputMode="numeric"
          hint={hint ?? ctx.t('field.moneyHint')}
          value={typeof raw === 'number' ? groupThousands(String(raw)) : ''}
          onChange={(e) => set(parseGrouped(e.target.value))}
        />
      );
    case 'number':
      return <NumberInput {...common} raw={raw} integer={paramsOf<{ integer?: boolean }>(field).integer ?? true} onValue={set} />;
    case 'date':
      return <TextField {...common} type="date" value={text} onChange={(e) => set(e.target.value || undefined)} />;
    case 'citizen-id':
      return (
        <TextField
          {...common}
          inputMode="numeric"
          maxLength={12}
          hint={hint ?? ctx.t('field.citizenIdHint')}
          value={text}
          onChange={(e) => set(e.target.value.replace(/\D/g, ''))}
        />
      );
    case 'tax-code':
      return (
        <TextField {...common} inputMode="numeric" value={text} onChange={(e) => set(e.target.value.replace(/[^\d-]/g, ''))} />
      );
    case 'phone':
      return <TextField {...common} type="tel" autoComplete="tel" value={text} onChange={(e) => set(e.target.value)} />;
    case 'email':
      return <TextField {...common} type="email" autoComplete="email" value={text} onChange={(e) => set(e.target.value)} />;
    default:
      return <TextField {...common} value={text} onChange={(e) => set(e.target.value)} />;
  }
}

/** A number as typed ("2," on the way to "2,5" stays on screen), the parsed value in the form. */
function NumberInput({
  raw,
  integer,
  onValue,
  ...common
}: {
  label: string;
  hint?: string;
  error?: string;
  raw: unknown;
  integer: boolean;
  onValue: (v: unknown) => void;
}) {
  const shown = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'string' ? v : '');
  const [text, setText] = useState(() => shown(raw));
  // The form changed it (a draft restored, a part unticked): show the form's value.
  const current = parseNumber(text, integer);
  const value = current === raw || (current === undefined && raw === undefined) ? text : shown(raw);
  return (
    <TextField
      {...common}
      inputMode={integer ? 'numeric' : 'decimal'}
      value={value}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parseNumber(e.target.value, integer));
      }}
    />
  );
}

function TextArea({
  label,
  hint,
  error,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={4}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
