import { type Complaint, ComplaintListView } from '@dvc/domain/contract/complaints';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ApiError, api, NetworkError } from '../shared/api';
import { formatDate, formatDateTime } from '../shared/format';

/**
 * /can-bo/phan-anh: complaints and recommendations sent to the officer's agencies, open ones first
 * by deadline; an answer goes to the citizen (app and SMS) and is given once.
 */
export function ComplaintsScreen() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const [items, setItems] = useState<Complaint[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    api(`/api/v1/officer/complaints?status=${status}`, { schema: ComplaintListView })
      .then((r) => setItems(r.items))
      .catch((e) =>
        setError(e instanceof ApiError ? e.title : e instanceof NetworkError ? t('error.network') : t('error.generic')),
      );
  }, [status, t]);
  useEffect(load, [load]);

  return (
    <section className="off-complaints">
      <div className="off-head">
        <h1>{t('complaint.deskTitle')}</h1>
      </div>
      <fieldset className="choice-row" aria-label={t('complaint.deskFilter')}>
        {(['open', 'answered'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`chip${status === s ? ' selected' : ''}`}
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
          >
            {t(s === 'open' ? 'complaint.status.open' : 'complaint.status.answered')}
          </button>
        ))}
      </fieldset>
      {error && <p className="alert">{error}</p>}
      {items?.length === 0 && <p className="off-empty">{t('complaint.deskEmpty')}</p>}
      {items?.map((c) => (
        <ComplaintCard key={c.code} c={c} onAnswered={load} />
      ))}
    </section>
  );
}

function ComplaintCard({ c, onAnswered }: { c: Complaint; onAnswered: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/officer/complaints/${encodeURIComponent(c.code)}/answer`, { method: 'POST', body: { answer } });
      onAnswered();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, t('error.network')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card" aria-labelledby={`${ids}-title`}>
      <p className="muted">
        {c.code} · {t(c.kind === 'complaint' ? 'complaint.kind.complaint' : 'complaint.kind.recommendation')}
        {c.overdue && c.status === 'open' && <span className="status bad">{t('complaint.status.overdue')}</span>}
      </p>
      <h2 id={`${ids}-title`}>{c.subject}</h2>
      <p>
        {c.citizenName}
        {c.citizenPhone ? ` · ${c.citizenPhone}` : ''} · {formatDateTime(c.createdAt)}
      </p>
      <p>
        {t('complaint.dueAt')}: <strong>{formatDate(c.dueAt)}</strong> · {c.agencyName}
      </p>
      {c.dossierCode && (
        <p>
          {t('complaint.dossier')}: <Link href={`/can-bo/ho-so/${encodeURIComponent(c.dossierCode)}`}>{c.dossierCode}</Link>
        </p>
      )}
      {!c.dossierCode && c.procedureCode && (
        <p>
          {t('complaint.procedure')}: {c.procedureCode}
        </p>
      )}
      <p style={{ whiteSpace: 'pre-line' }}>{c.content}</p>
      {c.attachments.map((a) => (
        <p key={a.sha256}>
          <a href={a.url} target="_blank" rel="noreferrer">
            📎 {a.name}
          </a>
        </p>
      ))}
      {c.answer && (
        <div className="notice">
          <strong>{t('complaint.answer')}</strong> ({c.answeredBy}, {formatDateTime(c.answeredAt ?? undefined)})
          <p style={{ whiteSpace: 'pre-line' }}>{c.answer}</p>
        </div>
      )}
      {c.canAnswer && (
        <form onSubmit={submit} noValidate>
          {error && error.errors.length === 0 && (
            <p className="alert" role="alert">
              {error.title}
            </p>
          )}
          <div className={`field${error?.fieldError('answer') ? ' has-error' : ''}`}>
            <label htmlFor={`${ids}-answer`}>{t('complaint.answerLabel')}</label>
            <textarea id={`${ids}-answer`} rows={4} maxLength={5000} value={answer} onChange={(e) => setAnswer(e.target.value)} />
            {error?.fieldError('answer') && (
              <p className="error" role="alert">
                {error.fieldError('answer')}
              </p>
            )}
          </div>
          <button type="submit" className="button primary slim" disabled={busy}>
            {busy ? t('common.sending') : t('complaint.answerSubmit')}
          </button>
        </form>
      )}
    </article>
  );
}
