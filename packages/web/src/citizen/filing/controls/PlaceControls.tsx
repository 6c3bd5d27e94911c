import { streetNameEnOf } from '@dvc/domain/procedure-definition/field-types-vn';
import { ErrorText, TextField } from '../../../shared/ui';
import { CommunePicker } from '../CommunePicker';
import { capitalise, paramsOf } from '../definition-form';
import { errorFor, getPath } from '../form-state';
import { NameAvailability } from '../NameAvailability';
import { type BusinessLine, VsicPicker } from '../VsicPicker';
import type { ControlProps } from './context';

/** The address at a date: a commune valid today (the 2025 reform removed districts) and the street. */
export function AddressControl({ field, path, siblings, block, ctx, label, hint, error, legendHidden }: ControlProps) {
  const code = getPath(ctx.data, `${path}.unitCode`);
  const street = paramsOf<{ streetName?: string; streetNameEn?: string }>(field);
  const streetName = (ctx.locale === 'en' && streetNameEnOf(street)) || street.streetName || 'số nhà, đường, thôn/tổ dân phố';
  const nameField = siblings.find((f) => f.type === 'business-name');
  return (
    <fieldset className={`field address${error ? ' has-error' : ''}`}>
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{label}</legend>
      {hint && <p className="hint">{hint}</p>}
      <CommunePicker
        label={ctx.t('form.address.unit')}
        value={typeof code === 'string' && code ? { code, name: ctx.unitNames[path] ?? code } : undefined}
        onChange={(u) => {
          ctx.set(`${path}.unitCode`, u?.code ?? '');
          ctx.setUnitName(path, u?.name);
        }}
        error={errorFor(ctx.errors, `${path}.unitCode`)}
      />
      <TextField
        label={capitalise(streetName)}
        placeholder={ctx.t('hkd.streetPlaceholder')}
        value={String(getPath(ctx.data, `${path}.street`) ?? '')}
        onChange={(e) => ctx.set(`${path}.street`, e.target.value)}
        error={errorFor(ctx.errors, `${path}.street`)}
      />
      <ErrorText>{error}</ErrorText>
      {nameField && (
        <NameAvailability name={block[nameField.key]} unitCode={typeof code === 'string' ? code : undefined} t={ctx.t} />
      )}
    </fieldset>
  );
}

/** The business name by the naming rules, with the live check once the commune beside it is known. */
export function BusinessNameControl({ path, siblings, block, ctx, label, hint, error }: ControlProps) {
  const address = siblings.find((f) => f.type === 'address');
  // A change of name alone is checked against the registration's commune, or the form's own address.
  const top = ctx.rootFields.find((f) => f.type === 'address');
  const unitCode = address
    ? (block[address.key] as { unitCode?: string } | undefined)?.unitCode
    : top && (getPath(ctx.data, `${top.key}.unitCode`) as string | undefined);
  const value = getPath(ctx.data, path);
  return (
    <>
      <TextField
        label={label}
        hint={hint ?? ctx.t('hkd.businessNameHint')}
        placeholder={ctx.t('hkd.businessNamePlaceholder')}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => ctx.set(path, e.target.value)}
        error={error}
      />
      <NameAvailability name={value} unitCode={unitCode || undefined} t={ctx.t} />
    </>
  );
}

/** Business lines from VSIC 2018, one of them the main line. */
export function VsicControl({ path, ctx, label, error }: ControlProps) {
  const lines = (getPath(ctx.data, path) as BusinessLine[] | undefined) ?? [];
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`}>
      <legend className="visually-hidden">{label}</legend>
      <VsicPicker lines={lines} onChange={(l) => ctx.set(path, l)} errors={[...ctx.errors]} path={path} />
      <ErrorText>{error}</ErrorText>
    </fieldset>
  );
}
