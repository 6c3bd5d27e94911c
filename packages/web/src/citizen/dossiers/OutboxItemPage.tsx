import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { formatDateTime } from '../../shared/format';
import { formFieldPath } from '../../shared/outbox';
import { discardOutboxItem, retryOutboxNow, useOutbox } from '../../shared/outbox-runtime';

/** One dossier still on this phone: why it is waiting, or what the server rejected (field by field). */
export function OutboxItemPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { items, online } = useOutbox();
  const item = items.find((i) => i.id === id);
  if (!item) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section>
      <Link href="/ho-so" className="back">
        ‹ {t('common.back')}
      </Link>
      <h1>{item.procedureName}</h1>
      <p>
        <span className={`status ${item.status === 'failed' ? 'bad' : 'pending'}`}>{t(`outbox.status.${item.status}`)}</span>
      </p>
      <p className="muted">{t('outbox.createdAt', { date: formatDateTime(item.createdAt) })}</p>
      {item.status === 'pending' && (
        <>
          <p className="lead">{online ? t('outbox.pendingOnline') : t('outbox.pendingOffline')}</p>
          {item.pendingFiles?.length ? <p>{t('outbox.pendingFiles', { count: item.pendingFiles.length })}</p> : null}
          {item.lastError === 'auth' && <p className="notice">{t('outbox.needSignIn')}</p>}
          {online && (
            <button type="button" className="button primary" onClick={() => void retryOutboxNow()}>
              {t('outbox.sendNow')}
            </button>
          )}
        </>
      )}
      {item.status === 'failed' && item.procedureChanged && (
        <>
          <div className="notice" role="alert">
            <strong>{t('form.changed.title')}</strong>
            <p>{item.procedureChanged.detail || t('form.changed.lead')}</p>
            {item.fieldErrors?.length ? (
              <ul>
                {item.fieldErrors.map((e) => (
                  <li key={e.field + e.message}>{e.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <Link href={`/nop/${encodeURIComponent(item.body.procedureCode)}?from=${item.id}`} className="button primary">
            {t('form.changed.reopen')}
          </Link>
        </>
      )}
      {item.status === 'failed' && !item.procedureChanged && (
        <>
          <div className="alert" role="alert">
            <strong>{item.lastError}</strong>
            <ul>
              {item.fieldErrors?.map((e) => (
                <li key={e.field + e.message}>
                  <code>{formFieldPath(e.field)}</code>: {e.message}
                </li>
              ))}
            </ul>
          </div>
          <p>{t('outbox.fixHint')}</p>
          <Link href={`/nop/${encodeURIComponent(item.body.procedureCode)}?from=${item.id}`} className="button primary">
            {t('outbox.fix')}
          </Link>
          <button
            type="button"
            className="button danger"
            onClick={async () => {
              await discardOutboxItem(item.id);
              navigate('/ho-so', { replace: true });
            }}
          >
            {t('outbox.discard')}
          </button>
        </>
      )}
    </section>
  );
}
