import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, NetworkError } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { useSession } from '../../shared/session';
import { deleteStoredDocument, loadStore, type StoreDocument } from './store-api';

/** Kho dữ liệu: the citizen's results and digitized papers, to download, reuse, or (their loose uploads) delete. */
export default function DocumentStore() {
  const { t } = useI18n();
  const session = useSession();
  const [items, setItems] = useState<StoreDocument[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const reload = () =>
    loadStore()
      .then((r) => setItems(r.items))
      .catch((e) => setProblem(e instanceof NetworkError ? t('error.network') : t('error.generic')));
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once signed in
  useEffect(() => {
    if (session.status === 'signed-in') void reload();
  }, [session.status]);

  async function remove(doc: StoreDocument) {
    if (!window.confirm(t('store.confirmDelete', { name: doc.title }))) return;
    setProblem(undefined);
    try {
      await deleteStoredDocument(doc.id);
      await reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : t('error.network'));
    }
  }

  if (session.status === 'signed-out') {
    return (
      <section>
        <h1>{t('store.title')}</h1>
        <p className="lead">{t('store.signIn')}</p>
        <Link href="/dang-nhap?next=/kho-du-lieu" className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }
  const groups: Array<{ source: StoreDocument['source']; title: string }> = [
    { source: 'result', title: t('store.results') },
    { source: 'component', title: t('store.components') },
    { source: 'upload', title: t('store.uploads') },
  ];
  return (
    <section className="stack">
      <h1>{t('store.title')}</h1>
      <p className="lead">{t('store.lead')}</p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {!items && !problem && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('store.empty')}</p>}
      {items &&
        groups.map(({ source, title }) => {
          const docs = items.filter((d) => d.source === source);
          if (docs.length === 0) return null;
          return (
            <div key={source} className="stack">
              <h2>{title}</h2>
              <ul className="list store-list">
                {docs.map((d) => (
                  <li key={d.id} className="card store-doc">
                    <strong>{d.title}</strong>
                    <dl className="review-rows">
                      {d.procedureName && (
                        <div className="review-row depth-0">
                          <dt>{t('store.procedure')}</dt>
                          <dd>{d.procedureName}</dd>
                        </div>
                      )}
                      <div className="review-row depth-0">
                        <dt>{t('store.issuer')}</dt>
                        <dd>
                          {d.issuerName}
                          {d.digitizedBy === 'desk' ? ` · ${t('store.scannedByDesk')}` : ''}
                        </dd>
                      </div>
                      <div className="review-row depth-0">
                        <dt>{t('store.date')}</dt>
                        <dd>{formatDate(d.issuedAt)}</dd>
                      </div>
                      <div className="review-row depth-0">
                        <dt>{t('store.validity')}</dt>
                        <dd className={d.valid ? undefined : 'error'}>
                          {d.validUntil ? t('store.validUntil', { date: formatDate(d.validUntil) }) : d.validityText}
                        </dd>
                      </div>
                      {d.dossierCode && (
                        <div className="review-row depth-0">
                          <dt>{t('store.dossier')}</dt>
                          <dd>
                            <Link href={`/ho-so/${d.dossierCode}`}>{d.dossierCode}</Link>
                          </dd>
                        </div>
                      )}
                    </dl>
                    <div className="actions">
                      <a className="button secondary" href={d.downloadUrl} target="_blank" rel="noopener" download={d.fileName}>
                        {t('store.download')}
                      </a>
                      {d.deletable && (
                        <button type="button" className="button danger" onClick={() => void remove(d)}>
                          {t('store.delete')}
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
