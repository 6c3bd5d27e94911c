import { type SubjectRequest, SubjectRequestListView, SubjectRequestView } from '@dvc/domain/contract/privacy';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError, api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { FormError } from '../../shared/ui';

const STATUS: Record<SubjectRequest['status'], MessageKey> = {
  open: 'privacy.request.open',
  done: 'privacy.request.done',
  refused: 'privacy.request.refused',
};

/** Issue 20: download everything held about me; ask to correct or delete it, and see the answers. */
export function MyDataPanel() {
  const { t } = useI18n();
  const [requests, setRequests] = useState<SubjectRequest[]>([]);
  const [kind, setKind] = useState<SubjectRequest['kind']>('correction');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api('/api/v1/privacy/requests', { schema: SubjectRequestListView })
      .then((r) => setRequests(r.items))
      .catch(() => setRequests([]));
  }, []);
  useEffect(load, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/v1/privacy/requests', { schema: SubjectRequestView, method: 'POST', body: { kind, detail } });
      setDetail('');
      load();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack">
      <h2>{t('privacy.myData.title')}</h2>
      <p className="muted">{t('privacy.myData.lead')}</p>
      <a href="/api/v1/privacy/export" className="button secondary" download>
        {t('privacy.myData.download')}
      </a>
      <form onSubmit={submit} className="stack">
        <label>
          {t('privacy.request.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as SubjectRequest['kind'])}>
            <option value="correction">{t('privacy.request.correction')}</option>
            <option value="deletion">{t('privacy.request.deletion')}</option>
          </select>
        </label>
        {kind === 'deletion' && <p className="muted">{t('privacy.request.deletionHint')}</p>}
        <label>
          {t('privacy.request.detail')}
          <textarea value={detail} onChange={(e) => setDetail(e.target.value)} required maxLength={4000} />
        </label>
        <FormError title={error?.title} detail={error?.detail} />
        <button type="submit" className="button primary" disabled={busy || detail.trim() === ''}>
          {t('privacy.request.send')}
        </button>
      </form>
      {requests.length > 0 && (
        <ul className="plain">
          {requests.map((r) => (
            <li key={r.code}>
              <strong>{r.code}</strong> · {t(r.kind === 'deletion' ? 'privacy.request.deletion' : 'privacy.request.correction')} ·{' '}
              {t(STATUS[r.status])}
              {r.status === 'open' && <> · {t('privacy.request.due', { date: formatDate(r.dueAt) })}</>}
              {r.answer && <p className="muted">{r.answer}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
