import { CommunePicker } from './CommunePicker';
import { Choice } from './fields';

type Delivery = 'counter' | 'post' | 'electronic';
type T = (key: 'delivery.label' | 'delivery.electronic' | 'delivery.counter' | 'delivery.post' | 'where.unit') => string;

export function DeliveryChoice({
  t,
  value,
  onChange,
  error,
}: {
  t: T;
  value: string | undefined;
  onChange: (v: Delivery) => void;
  error?: string;
}) {
  return (
    <Choice
      label={t('delivery.label')}
      options={[
        { value: 'electronic' as const, label: t('delivery.electronic') },
        { value: 'counter' as const, label: t('delivery.counter') },
        { value: 'post' as const, label: t('delivery.post') },
      ]}
      value={value as Delivery | undefined}
      onChange={onChange}
      error={error}
    />
  );
}

/** For a form that does not say it: which commune handles the dossier, and how the result comes back. */
export function WhereStep({
  t,
  unit,
  onUnit,
  delivery,
  onDelivery,
  errors,
}: {
  t: T;
  /** Absent when the form has its own address (its commune handles the dossier). */
  unit?: { value: { code: string; name: string } | undefined };
  onUnit: (u: { code: string; name: string } | undefined) => void;
  /** Absent when the form has its own delivery choice. */
  delivery?: { value: string | undefined };
  onDelivery: (v: Delivery) => void;
  errors: { unit?: string; delivery?: string };
}) {
  return (
    <>
      {unit && <CommunePicker label={t('where.unit')} value={unit.value} onChange={onUnit} error={errors.unit} />}
      {delivery && <DeliveryChoice t={t} value={delivery.value} onChange={onDelivery} error={errors.delivery} />}
    </>
  );
}
