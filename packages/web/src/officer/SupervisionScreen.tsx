import { type DeliveryFailure, DeliveryFailureListView } from '@dvc/domain/contract/notifications';
import { type Reconciliation, ReconciliationView } from '@dvc/domain/contract/payments';
import { type PortalSync, PortalSyncRequeuedView, PortalSyncView } from '@dvc/domain/contract/portal-sync';
import { vietnamDate } from '@dvc/domain/vietnam-time';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../shared/api';
import { formatDateTime, formatDong } from '../shared/format';
import { hasRole } from './types';

type RefundDue = Reconciliation['refundDue'][number];

function vietnamToday(): string {
  return vietnamDate(new Date());
}

/**
 * "Giám sát": the day's online payments with their gateway references (reconciliation), what is
 * waiting or failed on the way to the national portal, and notifications that could not be delivered.
 */
export function SupervisionScreen({ user }: { user: unknown }) {
  const { t } = useI18n();
  const isAdmin = hasRole(user, 'province_admin', 'system_admin');
  const [date, setDate] = useState(vietnamToday());
  const [payments, setPayments] = useState<Reconciliation | undefined>();
  const [sync, setSync] = useState<PortalSync | undefined>();
  const [failures, setFailures] = useState<DeliveryFailure[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      setPayments(await api(`/api/v1/payments/reconciliation?date=${date}`, { schema: ReconciliationView }));
      if (isAdmin) {
        setSync(await api('/api/v1/admin/portal-sync', { schema: PortalSyncView }));
        setFailures((await api('/api/v1/admin/notification-failures', { schema: DeliveryFailureListView })).items);
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [date, isAdmin]);

  useEffect(() => {
    void load();
  }, [load]);

  async function retryFailed() {
    await api('/api/v1/admin/portal-sync/retry-failed', { schema: PortalSyncRequeuedView, method: 'POST', body: {} });
    await load();
  }

  return (
    <section className="off-supervision">
      <h1>{t('officer.supervision.title')}</h1>
      {error && <p className="error-text">{error}</p>}

      <section className="off-card">
        <h2>{t('officer.supervision.payments')}</h2>
        <label className="field inline">
          <span>{t('officer.supervision.date')}</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        {payments && (
          <>
            <p>
              {t('officer.supervision.paymentTotals', {
                count: payments.totals.count,
                amount: formatDong(payments.totals.amount),
              })}
            </p>
            <table className="off-table">
              <thead>
                <tr>
                  <th>{t('officer.supervision.dossier')}</th>
                  <th>{t('officer.supervision.applicant')}</th>
                  <th>{t('officer.supervision.amount')}</th>
                  <th>{t('officer.supervision.gatewayRef')}</th>
                  <th>{t('officer.supervision.receipt')}</th>
                  <th>{t('officer.supervision.paidAt')}</th>
                </tr>
              </thead>
              <tbody>
                {payments.items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.dossierCode}</td>
                    <td>{p.applicantName}</td>
                    <td>{formatDong(p.amount)}</td>
                    <td>
                      {p.gatewayTxnNo ?? '—'} {p.bankCode ? `(${p.bankCode})` : ''}
                    </td>
                    <td>{p.receiptNumber ?? '—'}</td>
                    <td>{formatDateTime(p.paidAt ?? undefined)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {payments.refundDue.length > 0 && <RefundDueList items={payments.refundDue} />}
          </>
        )}
      </section>

      {isAdmin && sync && (
        <section className="off-card">
          <h2>{t('officer.supervision.portal')}</h2>
          <p>
            {t('officer.supervision.portalCounts', {
              pending: sync.counts.pending,
              sent: sync.counts.sent,
              failed: sync.counts.failed,
            })}
          </p>
          {sync.failures.length > 0 && (
            <>
              <button type="button" className="button secondary slim" onClick={() => void retryFailed()}>
                {t('officer.supervision.retry')}
              </button>
              <ul className="off-list">
                {sync.failures.map((m) => (
                  <li key={m.messageId}>
                    {m.dossierCode} #{m.seq} — {m.attempts} · {m.lastError ?? ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {isAdmin && failures && (
        <section className="off-card">
          <h2>{t('officer.supervision.notifications')}</h2>
          {failures.length === 0 ? (
            <p className="muted">{t('officer.supervision.noFailures')}</p>
          ) : (
            <ul className="off-list">
              {failures.map((f) => (
                <li key={f.id}>
                  {f.channel} · {f.recipient} · {f.dossierCode ?? ''} · {f.title} — {f.lastError ?? ''} (
                  {formatDateTime(f.failedAt)})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}

/** The day's doubled collections: each must be refunded through the gateway (none has a receipt). */
function RefundDueList({ items }: { items: RefundDue[] }) {
  const { t } = useI18n();
  const total = items.reduce((sum, r) => sum + r.amount, 0);
  return (
    <div className="notice" role="alert">
      <h3>{t('officer.supervision.refundDue')}</h3>
      <p>{t('officer.supervision.refundDueLead', { count: items.length, amount: formatDong(total) })}</p>
      <table className="off-table">
        <thead>
          <tr>
            <th>{t('officer.supervision.dossier')}</th>
            <th>{t('officer.supervision.applicant')}</th>
            <th>{t('officer.supervision.amount')}</th>
            <th>{t('officer.supervision.gatewayRef')}</th>
            <th>{t('officer.supervision.refundDuePaidBy')}</th>
            <th>{t('officer.supervision.paidAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{r.dossierCode}</td>
              <td>{r.applicantName}</td>
              <td>
                <span className="status warn">{formatDong(r.amount)}</span>
              </td>
              <td>
                {r.gatewayTxnNo ?? '—'} {r.bankCode ? `(${r.bankCode})` : ''}
                <br />
                <small className="muted">{r.orderRef}</small>
              </td>
              <td>{r.paidOrderRef ?? '—'}</td>
              <td>{formatDateTime(r.settledAt ?? undefined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
