import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { ApiError, api } from '../../shared/api';
import { FormError } from '../../shared/ui';

/**
 * "Rút hồ sơ": offered while the law allows it (the server lists request_withdrawal among the
 * dossier's actions); a confirmation with the reason, then one request however often it is tapped.
 */
export function WithdrawPanel({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setReasonError(t('withdraw.reasonMissing'));
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/dossiers/${encodeURIComponent(code)}/withdraw`, { method: 'POST', body: { reason: reason.trim() } });
      setOpen(false);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, t('error.network')));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('withdraw.button')}
        </button>
      </p>
    );
  }
  return (
    <form className="card warn" onSubmit={submit} noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('withdraw.title')}</h2>
      <p>{t('withdraw.lead')}</p>
      <FormError title={error?.title} detail={error?.detail} />
      <div className={`field${reasonError ? ' has-error' : ''}`}>
        <label htmlFor="withdraw-reason">{t('withdraw.reason')}</label>
        <textarea
          id="withdraw-reason"
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'withdraw-reason-err' : undefined}
        />
        {reasonError && (
          <p className="error" id="withdraw-reason-err" role="alert">
            {reasonError}
          </p>
        )}
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('common.sending') : t('withdraw.confirm')}
      </button>
      <button type="button" className="button secondary" onClick={() => setOpen(false)} disabled={busy}>
        {t('withdraw.cancel')}
      </button>
    </form>
  );
}
