import { type Complaint, ComplaintListView, ComplaintView } from '@dvc/domain/contract/complaints';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { ApiError, api } from '../../shared/api';
import { formatDate, formatDateTime } from '../../shared/format';
import { useSession } from '../../shared/session';

function StatusBadge({ c }: { c: Complaint }) {
  const { t } = useI18n();
  return (
    <span className={`status ${c.status === 'answered' ? 'ok' : c.overdue ? 'bad' : 'info'}`}>
      {c.status === 'answered'
        ? t('complaint.status.answered')
        : c.overdue
          ? t('complaint.status.overdue')
          : t('complaint.status.open')}
    </span>
  );
}

/** /phan-anh: the citizen's complaints and recommendations, newest first. */
export function ComplaintsPage() {
  const { t } = useI18n();
  const session = useSession();
  const [items, setItems] = useState<Complaint[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const signedIn = session.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    api('/api/v1/complaints', { schema: ComplaintListView })
      .then((r) => setItems(r.items))
      .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network')));
  }, [signedIn, t]);
  return (
    <section>
      <h1>{t('complaint.listTitle')}</h1>
      {!signedIn ? (
        <Link href={`/dang-nhap?next=${encodeURIComponent('/phan-anh')}`} className="button primary">
          {t('signin.title')}
        </Link>
      ) : (
        <>
          <Link href="/phan-anh/moi" className="button secondary">
            {t('complaint.newTitle')}
          </Link>
          {error && <p className="alert">{error}</p>}
          {items && items.length === 0 && <p className="muted">{t('complaint.none')}</p>}
          <ul className="list">
            {items?.map((c) => (
              <li key={c.code}>
                <Link href={`/phan-anh/${encodeURIComponent(c.code)}`} className="list-item">
                  <span className="item-title">{c.subject}</span>
                  <span className="item-meta">
                    {c.code} · {formatDate(c.createdAt)} <StatusBadge c={c} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** /phan-anh/:code: what was sent, the deadline, and the agency's answer once given. */
export function ComplaintPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const [c, setC] = useState<Complaint | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api(`/api/v1/complaints/${encodeURIComponent(code)}`, { schema: ComplaintView })
      .then(setC)
      .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network')));
  }, [code, t]);
  if (error) return <p className="alert">{error}</p>;
  if (!c) return <p className="muted">{t('common.loading')}</p>;
  return (
    <article>
      <Link href="/phan-anh" className="back">
        ‹ {t('common.back')}
      </Link>
      {query.get('moi') && (
        <p className="notice success" role="status">
          {t('complaint.sent', { date: formatDate(c.dueAt) })}
        </p>
      )}
      <p className="muted">{t('complaint.code', { code: c.code })}</p>
      <h1>{c.subject}</h1>
      <p>
        <StatusBadge c={c} />
      </p>
      <div className="facts">
        <div className="fact">
          <span className="fact-label">{t('complaint.agency')}</span>
          <span className="fact-value">{c.agencyName}</span>
        </div>
        {c.dossierCode && (
          <div className="fact">
            <span className="fact-label">{t('complaint.dossier')}</span>
            <span className="fact-value">
              <Link href={`/ho-so/${encodeURIComponent(c.dossierCode)}`}>{c.dossierCode}</Link>
            </span>
          </div>
        )}
        <div className="fact">
          <span className="fact-label">{t('complaint.sentAt')}</span>
          <span className="fact-value">{formatDateTime(c.createdAt)}</span>
        </div>
        <div className="fact">
          <span className="fact-label">{t('complaint.dueAt')}</span>
          <span className="fact-value">{formatDate(c.dueAt)}</span>
        </div>
      </div>
      <h2>{t('complaint.content')}</h2>
      <p style={{ whiteSpace: 'pre-line' }}>{c.content}</p>
      {c.attachments.length > 0 && (
        <ul className="plain">
          {c.attachments.map((a) => (
            <li key={a.sha256}>
              <a href={a.url} target="_blank" rel="noreferrer">
                📎 {a.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('complaint.answer')}</h2>
      {c.answer ? (
        <div className="card">
          <p style={{ whiteSpace: 'pre-line' }}>{c.answer}</p>
          <p className="muted">
            {c.answeredBy} · {formatDateTime(c.answeredAt ?? undefined)}
          </p>
        </div>
      ) : (
        <p className="muted">{t('complaint.noAnswerYet', { date: formatDate(c.dueAt) })}</p>
      )}
    </article>
  );
}
