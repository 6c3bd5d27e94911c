import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { currentPushSubscription, disablePush, enablePush, pushSupported } from '../../shared/notifications';

/** "Nhận thông báo trên điện thoại": Web Push for this device; offered only where the browser has it. */
export function PushToggle() {
  const { t } = useI18n();
  const id = useId();
  const [on, setOn] = useState<boolean | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const supported = pushSupported();

  useEffect(() => {
    if (!supported) return;
    // A subscription only counts as on while the permission still stands.
    currentPushSubscription()
      .then((sub) => setOn(Boolean(sub) && Notification.permission === 'granted'))
      .catch(() => setOn(false));
  }, [supported]);

  if (!supported) return null;

  async function toggle(next: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      if (next) {
        const r = await enablePush();
        if (r === 'denied') setError(t('push.denied'));
        setOn(r === 'on');
      } else {
        await disablePush();
        setOn(false);
      }
    } catch {
      setError(t('push.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <div className="switch-row">
        <label htmlFor={id} className="item-title">
          {t('push.title')}
        </label>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={on ?? false}
          aria-checked={on ?? false}
          disabled={busy || on === undefined}
          aria-describedby={`${id}-lead`}
          onChange={(e) => void toggle(e.target.checked)}
        />
      </div>
      <p className="muted" id={`${id}-lead`}>
        {t('push.lead')}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
