import { PROMOTION_FORMS } from '@dvc/domain/forms/promotion-notice';
import { CommunePicker } from './CommunePicker';
import { Bound, BoundArea, Choice, type StepProps } from './fields';
import { errorFor, getPath } from './form-state';
import { RegistrationLookup } from './RegistrationLookup';
import { CapitalStep, DeliveryChoice, LinesStep, LocationStep, MembersStep, NameStep, OwnerStep } from './steps-household';

/** Change, termination, promotion notice and the generic applicant form (domain/src/forms/*). */
export function ExistingRegistrationStep({ p }: { p: StepProps }) {
  return (
    <>
      <Bound p={p} path="registrationNumber" label={p.t('hkd.registrationNumber')} hint={p.t('hkd.registrationNumberHint')} />
      <Bound p={p} path="ownerCitizenId" label={p.t('hkd.ownerCitizenId')} kind="digits" />
      <RegistrationLookup p={p} />
    </>
  );
}

const CHANGE_PARTS = ['businessName', 'location', 'businessLines', 'capital', 'employees', 'owner', 'members'] as const;

/** "What changes": tick a part, its fields open below, filled exactly like at registration. */
export function ChangesStep({ p }: { p: StepProps }) {
  const changes = (getPath(p.data, 'changes') as Record<string, unknown> | undefined) ?? {};
  // A ticked part is present (even empty, so "required" messages appear); an unticked one is absent.
  const EMPTY: Record<string, unknown> = {
    businessName: '',
    location: {},
    businessLines: [],
    capital: null,
    employees: null,
    owner: {},
    members: [],
  };
  const toggle = (part: string, on: boolean) => {
    const next = { ...changes };
    if (on) next[part] = EMPTY[part];
    else delete next[part];
    p.set('changes', next);
  };
  return (
    <>
      <p className="lead">{p.t('change.lead')}</p>
      {CHANGE_PARTS.map((part) => {
        const on = part in changes;
        return (
          <div key={part} className="card">
            <label className="checkbox">
              <input type="checkbox" checked={on} onChange={(e) => toggle(part, e.target.checked)} />
              <span>{p.t(`change.part.${part}`)}</span>
            </label>
            {on && part === 'businessName' && <NameStep p={p} prefix="changes." />}
            {on && part === 'location' && <LocationStep p={p} prefix="changes." />}
            {on && part === 'businessLines' && <LinesStep p={p} prefix="changes." />}
            {on && part === 'capital' && <CapitalStep p={p} prefix="changes." only="capital" />}
            {on && part === 'employees' && <CapitalStep p={p} prefix="changes." only="employees" />}
            {on && part === 'owner' && <OwnerStep p={p} prefix="changes." />}
            {on && part === 'members' && <MembersStep p={p} prefix="changes." />}
          </div>
        );
      })}
    </>
  );
}

export function TerminationStep({ p }: { p: StepProps }) {
  return (
    <>
      <BoundArea p={p} path="reason" label={p.t('termination.reason')} />
      <Bound p={p} path="terminationDate" label={p.t('termination.date')} kind="date" />
      <Choice
        label={p.t('termination.hasOriginal')}
        options={[
          { value: true, label: p.t('common.yes') },
          { value: false, label: p.t('termination.lost') },
        ]}
        value={getPath(p.data, 'hasOriginalCertificate') as boolean | undefined}
        onChange={(v) => p.set('hasOriginalCertificate', v)}
        error={errorFor(p.errors, 'hasOriginalCertificate')}
      />
    </>
  );
}

export function PromotionEnterpriseStep({ p }: { p: StepProps }) {
  return (
    <>
      <Bound p={p} path="taxCode" label={p.t('promo.taxCode')} kind="digits" />
      <Bound p={p} path="enterpriseName" label={p.t('promo.enterpriseName')} />
    </>
  );
}

export function PromotionProgrammeStep({ p }: { p: StepProps }) {
  return (
    <>
      <Bound p={p} path="programmeName" label={p.t('promo.programmeName')} />
      <Choice
        label={p.t('promo.form')}
        options={PROMOTION_FORMS.map((f) => ({ value: f.id as string, label: f.labelVi }))}
        value={getPath(p.data, 'promotionForm') as string | undefined}
        onChange={(v) => p.set('promotionForm', v)}
        error={errorFor(p.errors, 'promotionForm')}
      />
      <BoundArea p={p} path="goods" label={p.t('promo.goods')} />
      <Bound p={p} path="area" label={p.t('promo.area')} />
    </>
  );
}

export function PromotionPrizesStep({ p }: { p: StepProps }) {
  const prizes = (getPath(p.data, 'prizes') as Record<string, unknown>[] | undefined) ?? [];
  return (
    <>
      {prizes.map((_, i) => (
        <fieldset key={String(i)} className="card">
          <legend>{p.t('promo.prize', { n: i + 1 })}</legend>
          <Bound p={p} path={`prizes.${i}.description`} label={p.t('promo.prizeDescription')} />
          <Bound p={p} path={`prizes.${i}.quantity`} label={p.t('promo.quantity')} kind="int" />
          <Bound p={p} path={`prizes.${i}.unitValue`} label={p.t('promo.unitValue')} kind="money" />
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              p.set(
                'prizes',
                prizes.filter((__, j) => j !== i),
              )
            }
          >
            {p.t('common.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button secondary" onClick={() => p.set('prizes', [...prizes, {}])}>
        + {p.t('promo.addPrize')}
      </button>
    </>
  );
}

export function PromotionDatesStep({ p }: { p: StepProps }) {
  return (
    <>
      <Bound p={p} path="startDate" label={p.t('promo.startDate')} kind="date" hint={p.t('promo.startHint')} />
      <Bound p={p} path="endDate" label={p.t('promo.endDate')} kind="date" />
    </>
  );
}

export function GenericApplicantStep({ p }: { p: StepProps }) {
  return (
    <>
      <Bound p={p} path="applicant.fullName" label={p.t('field.fullName')} />
      <Bound p={p} path="applicant.citizenId" label={p.t('field.citizenId')} kind="digits" />
      <Bound p={p} path="applicant.phone" label={p.t('field.phone')} kind="tel" />
      <Bound p={p} path="applicant.email" label={p.t('field.emailOptional')} kind="email" />
    </>
  );
}

export function GenericNoteStep({ p }: { p: StepProps }) {
  return <BoundArea p={p} path="note" label={p.t('generic.note')} />;
}

/** For forms without a location of their own: which commune handles it, and how the result comes back. */
export function WhereStep({ p, errors }: { p: StepProps; errors: { unit?: string; delivery?: string } }) {
  return (
    <>
      <CommunePicker
        label={p.t('where.unit')}
        value={p.meta.unitCode ? { code: p.meta.unitCode, name: p.meta.unitName ?? p.meta.unitCode } : undefined}
        onChange={(u) => p.setMeta({ unitCode: u?.code, unitName: u?.name })}
        error={errors.unit}
      />
      <DeliveryChoice p={p} value={p.meta.delivery} onChange={(v) => p.setMeta({ delivery: v })} error={errors.delivery} />
    </>
  );
}
