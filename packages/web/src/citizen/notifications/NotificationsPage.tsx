import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { ApiError, NetworkError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { fetchNotifications, markRead, type NotificationItem } from '../../shared/notifications';
import { useSession } from '../../shared/session';

/** /thong-bao: the citizen's notifications, newest first; opening one marks it read and shows its dossier or complaint. */
export function NotificationsPage() {
  const { t } = useI18n();
  const session = useSession();
  const [items, setItems] = useState<NotificationItem[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const signedIn = session.status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    fetchNotifications()
      .then((r) => setItems(r.items))
      .catch((e) =>
        setError(e instanceof NetworkError ? t('error.network') : e instanceof ApiError ? e.title : t('error.generic')),
      );
  }, [signedIn, t]);

  async function open(n: NotificationItem) {
    if (!n.readAt) {
      setItems((list) => list?.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
      // Best effort: the dossier opens even if the mark does not reach the server.
      await markRead(n.id).catch(() => undefined);
    }
    if (n.url) navigate(n.url);
  }

  if (session.status === 'signed-out') {
    return (
      <section>
        <h1>{t('notif.title')}</h1>
        <p className="lead">{t('notif.signIn')}</p>
        <Link href="/dang-nhap?next=/thong-bao" className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }
  const unread = items?.filter((n) => !n.readAt).length ?? 0;
  return (
    <section>
      <h1>{t('notif.title')}</h1>
      {error && <p className="alert">{error}</p>}
      {!items && !error && <p className="muted">{t('common.loading')}</p>}
      {items && items.length === 0 && <p className="muted">{t('notif.none')}</p>}
      {items && items.length > 0 && (
        <>
          <p className="muted" role="status">
            {unread > 0 ? t('notif.unread', { count: unread }) : t('notif.allRead')}
          </p>
          <ul className="list notif-list">
            {items.map((n) => (
              <li key={n.id}>
                <a
                  href={n.url ?? '/thong-bao'}
                  className={`list-item notif${n.readAt ? '' : ' unread'}`}
                  onClick={(e) => {
                    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
                    e.preventDefault();
                    void open(n);
                  }}
                >
                  <span className="item-title">
                    {!n.readAt && <span className="notif-dot">{t('notif.new')}</span>}
                    {n.title}
                  </span>
                  <span className="notif-body">{n.body}</span>
                  <span className="item-meta">
                    {formatDateTime(n.createdAt)}
                    {n.dossierCode &&
                      ` · ${t(n.url?.startsWith('/phan-anh/') ? 'notif.openComplaint' : 'notif.openDossier', { code: n.dossierCode })}`}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
