import { useI18n } from '../../i18n';
import { CommunePicker } from './CommunePicker';
import { Bound, Choice, type StepProps } from './fields';
import { errorFor, getPath } from './form-state';
import { NameAvailability } from './NameAvailability';
import { type BusinessLine, VsicPicker } from './VsicPicker';

/**
 * Steps of the household business forms (registration; the change form reuses them under
 * 'changes.'). Field paths are the domain schema's (packages/domain/src/forms/household-business-registration.ts).
 */
export function NameStep({ p, prefix = '' }: { p: StepProps; prefix?: string }) {
  return (
    <>
      <Bound
        p={p}
        path={`${prefix}businessName`}
        label={p.t('hkd.businessName')}
        hint={p.t('hkd.businessNameHint')}
        placeholder={p.t('hkd.businessNamePlaceholder')}
      />
      <NameAvailability p={p} prefix={prefix} />
    </>
  );
}

export function LocationStep({ p, prefix = '' }: { p: StepProps; prefix?: string }) {
  const code = getPath(p.data, `${prefix}location.unitCode`);
  return (
    <>
      <CommunePicker
        label={p.t('hkd.commune')}
        value={typeof code === 'string' ? { code, name: p.meta.locationUnitName ?? code } : undefined}
        onChange={(u) => {
          p.set(`${prefix}location.unitCode`, u?.code);
          p.setMeta({ locationUnitName: u?.name });
        }}
        error={errorFor(p.errors, `${prefix}location.unitCode`)}
      />
      <Bound p={p} path={`${prefix}location.street`} label={p.t('hkd.street')} placeholder={p.t('hkd.streetPlaceholder')} />
      <NameAvailability p={p} prefix={prefix} />
    </>
  );
}

export function LinesStep({ p, prefix = '' }: { p: StepProps; prefix?: string }) {
  const path = `${prefix}businessLines`;
  const lines = (getPath(p.data, path) as BusinessLine[] | undefined) ?? [];
  return <VsicPicker lines={lines} onChange={(l) => p.set(path, l)} errors={p.errors} path={path} />;
}

export function CapitalStep({ p, prefix = '', only }: { p: StepProps; prefix?: string; only?: 'capital' | 'employees' }) {
  return (
    <>
      {only !== 'employees' && <Bound p={p} path={`${prefix}capital`} label={p.t('hkd.capital')} kind="money" />}
      {only !== 'capital' && <Bound p={p} path={`${prefix}employees`} label={p.t('hkd.employees')} kind="int" />}
    </>
  );
}

export function OwnerStep({ p, prefix = '' }: { p: StepProps; prefix?: string }) {
  const o = `${prefix}owner`;
  return (
    <>
      <Bound p={p} path={`${o}.fullName`} label={p.t('field.fullName')} autoComplete="name" />
      <Bound p={p} path={`${o}.citizenId`} label={p.t('field.citizenId')} kind="digits" hint={p.t('field.citizenIdHint')} />
      <Bound p={p} path={`${o}.birthDate`} label={p.t('field.birthDate')} kind="date" />
      <Choice
        label={p.t('field.sex')}
        options={[
          { value: 'male', label: p.t('field.sex.male') },
          { value: 'female', label: p.t('field.sex.female') },
        ]}
        value={getPath(p.data, `${o}.sex`) as 'male' | 'female' | undefined}
        onChange={(v) => p.set(`${o}.sex`, v)}
        error={errorFor(p.errors, `${o}.sex`)}
      />
      <Bound p={p} path={`${o}.ethnicity`} label={p.t('field.ethnicity')} />
      <Bound p={p} path={`${o}.nationality`} label={p.t('field.nationality')} />
      <Bound p={p} path={`${o}.residence`} label={p.t('field.residence')} />
      <Bound p={p} path={`${o}.phone`} label={p.t('field.phone')} kind="tel" autoComplete="tel" />
      <Bound p={p} path={`${o}.email`} label={p.t('field.emailOptional')} kind="email" autoComplete="email" />
    </>
  );
}

export function MembersStep({ p, prefix = '' }: { p: StepProps; prefix?: string }) {
  const { t } = useI18n();
  const path = `${prefix}members`;
  const members = (getPath(p.data, path) as Record<string, unknown>[] | undefined) ?? [];
  return (
    <>
      <p className="lead">{t('hkd.membersLead')}</p>
      {members.map((_, i) => (
        <fieldset key={String(i)} className="card">
          <legend>{t('hkd.member', { n: i + 1 })}</legend>
          <Bound p={p} path={`${path}.${i}.fullName`} label={t('field.fullName')} />
          <Bound p={p} path={`${path}.${i}.citizenId`} label={t('field.citizenId')} kind="digits" />
          <Bound p={p} path={`${path}.${i}.birthDate`} label={t('field.birthDate')} kind="date" />
          <Bound p={p} path={`${path}.${i}.contribution`} label={t('hkd.contribution')} kind="money" />
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              p.set(
                path,
                members.filter((__, j) => j !== i),
              )
            }
          >
            {t('hkd.removeMember')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button secondary" onClick={() => p.set(path, [...members, {}])}>
        + {t('hkd.addMember')}
      </button>
    </>
  );
}

export function DeliveryChoice({
  p,
  value,
  onChange,
  error,
}: {
  p: StepProps;
  value: string | undefined;
  onChange: (v: 'counter' | 'post' | 'electronic') => void;
  error?: string;
}) {
  return (
    <Choice
      label={p.t('delivery.label')}
      options={[
        { value: 'electronic' as const, label: p.t('delivery.electronic') },
        { value: 'counter' as const, label: p.t('delivery.counter') },
        { value: 'post' as const, label: p.t('delivery.post') },
      ]}
      value={value as 'counter' | 'post' | 'electronic' | undefined}
      onChange={onChange}
      error={error}
    />
  );
}

export function DeliveryStep({ p }: { p: StepProps }) {
  const delivery = getPath(p.data, 'delivery') as string | undefined;
  return (
    <>
      <DeliveryChoice p={p} value={delivery} onChange={(v) => p.set('delivery', v)} error={errorFor(p.errors, 'delivery')} />
      {delivery === 'post' && <Bound p={p} path="postalAddress" label={p.t('delivery.postalAddress')} />}
    </>
  );
}
