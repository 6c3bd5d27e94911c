import { DossierListView } from '@dvc/domain/contract/dossiers';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { type DossierSummary, stateLabel, stateTone } from '../../shared/dossiers';
import { formatDate, formatDateTime } from '../../shared/format';
import { retryOutboxNow, useOutbox } from '../../shared/outbox-runtime';
import { useSession } from '../../shared/session';

/** The server's list plus what is still on this phone: "Chờ gửi" (waiting) and "Gửi lỗi" (rejected). */
export function MyDossiers() {
  const { t, locale } = useI18n();
  const session = useSession();
  const { items: outbox, online } = useOutbox();
  const [items, setItems] = useState<DossierSummary[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when an outbox item was sent (it is on the server now)
  useEffect(() => {
    if (session.status !== 'signed-in') return;
    api('/api/v1/dossiers?mine=true', { schema: DossierListView })
      .then((r) => setItems(r.items))
      .catch((e) =>
        setProblem(
          e instanceof NetworkError
            ? t('error.network')
            : e instanceof ApiError && e.status === 404
              ? t('dossiers.notYet')
              : t('error.generic'),
        ),
      );
  }, [session.status, t, outbox.length]);

  if (session.status === 'signed-out') {
    return (
      <section>
        <h1>{t('nav.dossiers')}</h1>
        <p className="lead">{t('dossiers.signIn')}</p>
        <Link href="/dang-nhap?next=/ho-so" className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }
  // Members of an interlinked group stay together (at the place of the newest), so the citizen sees one group.
  if (items) {
    const grouped = items.flatMap((d, i) =>
      !d.groupCode
        ? [d]
        : items.findIndex((x) => x.groupCode === d.groupCode) === i
          ? items.filter((x) => x.groupCode === d.groupCode)
          : [],
    );
    items.splice(0, items.length, ...grouped);
  }
  const local = outbox.filter((i) => i.status !== 'sent' || !items?.some((d) => d.code === i.dossierCode));
  const pending = outbox.filter((i) => i.status === 'pending').length;

  return (
    <section>
      <h1>{t('nav.dossiers')}</h1>
      {pending > 0 && (
        <div className="card">
          <p>{online ? t('outbox.willSend', { count: pending }) : t('outbox.offline', { count: pending })}</p>
          {online && (
            <button type="button" className="button secondary" onClick={() => void retryOutboxNow()}>
              {t('outbox.sendNow')}
            </button>
          )}
        </div>
      )}
      <ul className="list">
        {local.map((i) => (
          <li key={i.id}>
            <Link
              href={i.status === 'sent' && i.dossierCode ? `/ho-so/${i.dossierCode}` : `/ho-so/cho-gui/${i.id}`}
              className="list-item"
            >
              <span className="item-title">{i.procedureName}</span>
              <span className="item-meta">
                <span className={`status ${i.status === 'failed' ? 'bad' : i.status === 'sent' ? 'ok' : 'pending'}`}>
                  {t(`outbox.status.${i.status}`)}
                </span>{' '}
                {i.dossierCode ?? formatDateTime(i.createdAt)}
              </span>
            </Link>
          </li>
        ))}
        {items?.map((d, i) => (
          <li key={d.code}>
            {d.groupCode && items[i - 1]?.groupCode !== d.groupCode && (
              <Link href={`/lien-thong/${encodeURIComponent(d.groupCode)}`} className="group-head">
                {t('dossiers.group', { count: items.filter((x) => x.groupCode === d.groupCode).length })}
              </Link>
            )}
            <Link href={`/ho-so/${encodeURIComponent(d.code)}`} className="list-item">
              <span className="item-title">{(locale === 'en' && d.procedureNameEn) || d.procedureName}</span>
              <span className="item-meta">
                <span className={`status ${stateTone(d.status)}`}>{stateLabel(d.status, locale)}</span> {d.code}
              </span>
              <span className="item-meta">
                {t('dossiers.submitted', { date: formatDate(d.submittedAt) })}
                {d.dueAt ? ` · ${t('dossiers.due', { date: formatDate(d.dueAt) })}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {problem && <p className="notice">{problem}</p>}
      {items === undefined && !problem && session.status === 'signed-in' && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && local.length === 0 && (
        <div className="card center">
          <p>{t('dossiers.empty')}</p>
          <Link href="/thu-tuc" className="button primary">
            {t('dossiers.findProcedure')}
          </Link>
        </div>
      )}
    </section>
  );
}
