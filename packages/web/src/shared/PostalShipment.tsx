import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from './api';
import { formatDateTime, formatDong } from './format';

interface Shipment {
  status: string;
  statusLabel: string;
  trackingNumber: string | null;
  fee: number;
  address: string;
  lastError: string | null;
  history: Array<{ at: string; label: string }>;
}

/**
 * A result sent by post: the tracking number, where the parcel is, the postage, and its history
 * ("Đã giao kết quả qua bưu chính"). The desk may create the order once the result is ready (the job
 * also does it by itself; a second tap makes no second parcel).
 */
export function PostalShipment({ code, desk, ready }: { code: string; desk?: boolean; ready?: boolean }) {
  const { t } = useI18n();
  const [shipment, setShipment] = useState<Shipment | null | undefined>();
  const [busy, setBusy] = useState(false);
  const url = `/api/v1/dossiers/${encodeURIComponent(code)}/postal-shipment`;
  useEffect(() => {
    api<Shipment>(url)
      .then(setShipment)
      .catch((err) => setShipment(err instanceof ApiError && err.status === 404 ? null : undefined));
  }, [url]);
  const send = () => {
    setBusy(true);
    api<Shipment>(url, { method: 'POST', body: {} })
      .then(setShipment)
      .finally(() => setBusy(false));
  };
  if (shipment === undefined || (shipment === null && !(desk && ready))) return null;
  return (
    <section className="card off-card postal">
      <h2>{t('post.shipment')}</h2>
      {shipment === null ? (
        <button type="button" className="button primary" onClick={send} disabled={busy}>
          {t('post.send')}
        </button>
      ) : (
        <>
          {shipment.trackingNumber && (
            <p>
              {t('post.tracking')}: <strong>{shipment.trackingNumber}</strong>
            </p>
          )}
          <p>
            {shipment.statusLabel} · {formatDong(shipment.fee)}
          </p>
          {desk && shipment.lastError && <p className="muted small">{shipment.lastError}</p>}
          <ol className="timeline">
            {[...shipment.history].reverse().map((h) => (
              <li key={h.at + h.label}>
                <span className="tl-date">{formatDateTime(h.at)}</span>
                <span className="tl-event">{h.label}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
