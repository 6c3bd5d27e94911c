import { type CreatedPayment, CreatedPaymentView, DossierPaymentsView, type Payment } from '@dvc/domain/contract/payments';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { ApiError, api, NetworkError } from '../../shared/api';
import type { DossierDetail } from '../../shared/dossiers';
import { formatDateTime, formatDong } from '../../shared/format';

const STATUS_CLASS: Record<Payment['status'], string> = {
  paid: 'ok',
  pending: 'info',
  superseded: 'info',
  refund_due: 'warn',
  failed: 'bad',
  cancelled: 'bad',
};

// The gateway's IPN (server to server) marks the dossier paid; the browser may come back first.
const POLL_EVERY_MS = 1500;
const POLL_TIMES = 8;

/**
 * "Nộp phí, lệ phí" on the dossier page: pay through the gateway (a full-page redirect and back to
 * /ho-so/:code?thanh-toan=ok|loi), or transfer with VietQR; then the payments and their receipts.
 */
export function PaymentPanel({
  d,
  result,
  onRefresh,
}: {
  d: DossierDetail;
  /** ?thanh-toan= on the way back from the gateway: 'ok' | 'loi' | null. */
  result: string | null;
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  const [payments, setPayments] = useState<Payment[]>([]);
  const [busy, setBusy] = useState<'gateway' | 'qr' | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [qr, setQr] = useState<CreatedPayment | undefined>();
  const [polls, setPolls] = useState(0);
  const due = d.feeAmount > 0 && !d.paidOnline;

  // Reloaded when the dossier turns paid: the receipt link appears with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: d.paidOnline is the trigger, not an input
  useEffect(() => {
    if (d.feeAmount <= 0) return;
    api(`/api/v1/dossiers/${encodeURIComponent(d.code)}/payments`, { schema: DossierPaymentsView })
      .then((r) => setPayments(r.items))
      .catch(() => setPayments([]));
  }, [d.code, d.feeAmount, d.paidOnline]);

  // Back from the gateway with success: ask again a few times until the dossier says paid.
  useEffect(() => {
    if (result !== 'ok' || d.paidOnline || polls >= POLL_TIMES) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      onRefresh();
    }, POLL_EVERY_MS);
    return () => clearTimeout(timer);
  }, [result, d, polls, onRefresh]);

  async function create(): Promise<CreatedPayment | undefined> {
    setError(undefined);
    try {
      // An empty JSON object: the route answers 400 to a POST with no body at all.
      return await api(`/api/v1/dossiers/${encodeURIComponent(d.code)}/payments`, {
        schema: CreatedPaymentView,
        method: 'POST',
        body: {},
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : e instanceof NetworkError ? t('error.network') : t('error.generic'));
      return undefined;
    }
  }

  async function payOnline() {
    setBusy('gateway');
    const created = await create();
    if (created) {
      location.href = created.paymentUrl;
      return; // stays busy while the browser leaves
    }
    setBusy(undefined);
  }

  async function showQr() {
    setBusy('qr');
    const created = await create();
    if (created) setQr(created);
    setBusy(undefined);
  }

  if (d.feeAmount <= 0) return null;
  return (
    <section className="card pay-panel" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('pay.title')}</h2>
      {d.paidOnline ? (
        <div className="notice success" role="status">
          <strong>{t('pay.paid')}</strong>
          <p>{t('pay.paidLead')}</p>
        </div>
      ) : result === 'ok' ? (
        <p className="notice" role="status">
          {polls < POLL_TIMES ? t('pay.confirming') : t('pay.notConfirmedYet')}
        </p>
      ) : result === 'loi' ? (
        <p className="alert" role="alert">
          {t('pay.failed')}
        </p>
      ) : null}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {due && result !== 'ok' && (
        <>
          <p>{t('pay.lead')}</p>
          <button type="button" className="button primary" onClick={payOnline} disabled={busy !== undefined}>
            {busy === 'gateway' ? t('pay.redirecting') : t('pay.online', { amount: formatDong(d.feeAmount) })}
          </button>
          {!qr && (
            <button type="button" className="button secondary" onClick={showQr} disabled={busy !== undefined}>
              {t('pay.qrShow')}
            </button>
          )}
          {qr && <VietQrBox payment={qr} />}
        </>
      )}
      {payments.length > 0 && (
        <>
          <h3>{t('pay.history')}</h3>
          <ul className="plain pay-list">
            {payments.map((p) => (
              <li key={p.id}>
                <span className={`status ${STATUS_CLASS[p.status]}`}>{p.statusLabel}</span> {formatDong(p.amount)} ·{' '}
                {formatDateTime(p.paidAt ?? p.createdAt)}
                <br />
                <small className="muted">{t('pay.orderRef', { ref: p.orderRef })}</small>
                {p.status === 'refund_due' && (
                  <>
                    <br />
                    <small>{t('pay.refundDue')}</small>
                  </>
                )}
                {p.receiptUrl && (
                  <>
                    {' · '}
                    <a href={p.receiptUrl} target="_blank" rel="noreferrer">
                      📄 {t('pay.receipt')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The VietQR payload as a QR image (the encoder loads only here), with the transfer details as text. */
function VietQrBox({ payment }: { payment: CreatedPayment }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((QRCode) => QRCode.toDataURL(payment.vietQr.payload, { margin: 2, width: 232, errorCorrectionLevel: 'M' }))
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(undefined)); // the text below still lets them transfer
    return () => {
      live = false;
    };
  }, [payment.vietQr.payload]);
  const q = payment.vietQr;
  return (
    <div className="vietqr">
      <p>{t('pay.qrLead')}</p>
      {src && <img src={src} width={232} height={232} alt={t('pay.qrAlt', { amount: formatDong(payment.amount) })} />}
      <dl className="vietqr-facts">
        <dt>{t('pay.account')}</dt>
        <dd>
          {q.accountName} · {q.accountNumber}
        </dd>
        <dt>{t('pay.amount')}</dt>
        <dd>{formatDong(payment.amount)}</dd>
        <dt>{t('pay.content')}</dt>
        <dd className="mono">{q.content}</dd>
        <dt>{t('pay.expiresAt')}</dt>
        <dd>{formatDateTime(payment.expiresAt)}</dd>
      </dl>
    </div>
  );
}
