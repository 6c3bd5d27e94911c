import { CommunePicker } from './CommunePicker';
import { Choice } from './fields';

type Delivery = 'counter' | 'post' | 'electronic';
type DeliveryKey = 'delivery.label' | 'delivery.electronic' | 'delivery.counter' | 'delivery.post';
type DeskDeliveryKey = 'review.delivery' | 'review.delivery.electronic' | 'review.delivery.counter' | 'review.delivery.post';
type T = (key: DeliveryKey | DeskDeliveryKey | 'where.unit') => string;

/** The citizen is asked ("Bạn muốn…"); an officer recording for a caller reads the plain terms. */
const WORDING: Record<'citizen' | 'desk', Record<'label' | Delivery, DeliveryKey | DeskDeliveryKey>> = {
  citizen: { label: 'delivery.label', electronic: 'delivery.electronic', counter: 'delivery.counter', post: 'delivery.post' },
  desk: {
    label: 'review.delivery',
    electronic: 'review.delivery.electronic',
    counter: 'review.delivery.counter',
    post: 'review.delivery.post',
  },
};

export function DeliveryChoice({
  t,
  value,
  onChange,
  error,
  desk = false,
}: {
  t: T;
  value: string | undefined;
  onChange: (v: Delivery) => void;
  error?: string;
  desk?: boolean;
}) {
  const words = WORDING[desk ? 'desk' : 'citizen'];
  return (
    <Choice
      label={t(words.label)}
      options={[
        { value: 'electronic' as const, label: t(words.electronic) },
        { value: 'counter' as const, label: t(words.counter) },
        { value: 'post' as const, label: t(words.post) },
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
  desk = false,
}: {
  t: T;
  /** An officer fills it for someone else (counter, hotline). */
  desk?: boolean;
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
      {delivery && <DeliveryChoice t={t} value={delivery.value} onChange={onDelivery} error={errors.delivery} desk={desk} />}
    </>
  );
}
