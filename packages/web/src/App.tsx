import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { AssistantLauncher } from './citizen/assistant/AssistantLauncher';
import { Account } from './citizen/auth/Account';
import { ChangePassword } from './citizen/auth/ChangePassword';
import { ForgotPassword } from './citizen/auth/ForgotPassword';
import { Profile } from './citizen/auth/Profile';
import { SignIn } from './citizen/auth/SignIn';
import { SignUp } from './citizen/auth/SignUp';
import { VerifyPhone } from './citizen/auth/VerifyPhone';
import { DossierDetailPage } from './citizen/dossiers/DossierDetailPage';
import { GroupPage } from './citizen/dossiers/GroupPage';
import { MyDossiers } from './citizen/dossiers/MyDossiers';
import { OutboxItemPage } from './citizen/dossiers/OutboxItemPage';
import { ComplaintNewPage } from './citizen/feedback/ComplaintNewPage';
import { ComplaintPage, ComplaintsPage } from './citizen/feedback/ComplaintsPage';
import { RatingPage } from './citizen/feedback/RatingPage';
import { Home } from './citizen/Home';
import { LookupPage } from './citizen/lookup/LookupPage';
import { NotificationsPage } from './citizen/notifications/NotificationsPage';
import { ProcedurePage } from './citizen/procedures/ProcedurePage';
import { Procedures } from './citizen/procedures/Procedures';
import { type MessageKey, useI18n } from './i18n';
import { Link, matchPath, navigate, useLocation } from './router';
import { LanguageButton, MAIN_ID, SkipLink } from './shared/a11y';
import { useUnreadCount } from './shared/notifications';
import { useOutbox } from './shared/outbox-runtime';
import { useSession } from './shared/session';

// The wizard (zod schemas, the VSIC list) is its own chunk: the first load stays small.
const FilingWizard = lazy(() => import('./citizen/filing/FilingWizard'));
const GroupFilingPage = lazy(() => import('./citizen/dossiers/GroupFilingPage'));
// The officer console (/can-bo/…) is a chunk of its own too: citizens never download it.
const OfficerApp = lazy(() => import('./officer/OfficerApp'));
// Reports (/bao-cao) and the public figures (/cong-khai): chunks of their own; ECharts loads only inside them.
const ReportsApp = lazy(() => import('./reports/ReportsApp'));
const PublicIndicators = lazy(() => import('./reports/PublicIndicators'));
const DocumentStore = lazy(() => import('./citizen/store/DocumentStore'));

interface Route {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  tab: 'home' | 'procedures' | 'dossiers' | 'account';
}

const ROUTES: Route[] = [
  { pattern: '/', render: () => <Home />, tab: 'home' },
  { pattern: '/thu-tuc', render: () => <Procedures />, tab: 'procedures' },
  { pattern: '/thu-tuc/:code', render: (p) => <ProcedurePage code={p.code ?? ''} />, tab: 'procedures' },
  { pattern: '/nop/:code', render: (p) => <FilingWizard code={p.code ?? ''} />, tab: 'procedures' },
  { pattern: '/ho-so', render: () => <MyDossiers />, tab: 'dossiers' },
  { pattern: '/kho-du-lieu', render: () => <DocumentStore />, tab: 'dossiers' },
  { pattern: '/ho-so/cho-gui/:id', render: (p) => <OutboxItemPage id={p.id ?? ''} />, tab: 'dossiers' },
  { pattern: '/ho-so/:code', render: (p) => <DossierDetailPage code={p.code ?? ''} />, tab: 'dossiers' },
  { pattern: '/ho-so/:code/danh-gia', render: (p) => <RatingPage code={p.code ?? ''} />, tab: 'dossiers' },
  { pattern: '/danh-gia', render: () => <RatingPage />, tab: 'home' },
  { pattern: '/phan-anh', render: () => <ComplaintsPage />, tab: 'account' },
  { pattern: '/phan-anh/moi', render: () => <ComplaintNewPage />, tab: 'account' },
  { pattern: '/phan-anh/:code', render: (p) => <ComplaintPage code={p.code ?? ''} />, tab: 'account' },
  { pattern: '/lien-thong/nop/:group', render: (p) => <GroupFilingPage group={p.group ?? ''} />, tab: 'procedures' },
  { pattern: '/lien-thong/:code', render: (p) => <GroupPage code={p.code ?? ''} />, tab: 'dossiers' },
  { pattern: '/thong-bao', render: () => <NotificationsPage />, tab: 'account' },
  { pattern: '/tai-khoan', render: () => <Account />, tab: 'account' },
  { pattern: '/tai-khoan/thong-tin', render: () => <Profile />, tab: 'account' },
  { pattern: '/tai-khoan/mat-khau', render: () => <ChangePassword />, tab: 'account' },
  { pattern: '/quen-mat-khau', render: () => <ForgotPassword />, tab: 'account' },
  { pattern: '/dang-nhap', render: () => <SignIn />, tab: 'account' },
  { pattern: '/dang-ky', render: () => <SignUp />, tab: 'account' },
  { pattern: '/xac-thuc', render: () => <VerifyPhone />, tab: 'account' },
  { pattern: '/cong-khai', render: () => <PublicIndicators />, tab: 'home' },
  { pattern: '/tra-cuu', render: () => <LookupPage />, tab: 'home' },
];

const TABS: { id: Route['tab']; href: string; label: MessageKey; icon: string }[] = [
  { id: 'home', href: '/', label: 'nav.home', icon: '⌂' },
  { id: 'procedures', href: '/thu-tuc', label: 'nav.procedures', icon: '☰' },
  { id: 'dossiers', href: '/ho-so', label: 'nav.dossiers', icon: '▤' },
  { id: 'account', href: '/tai-khoan', label: 'nav.account', icon: '●' },
];

export function App() {
  const { t } = useI18n();
  const { path } = useLocation();
  const session = useSession();
  const { items, online } = useOutbox();
  const waiting = items.filter((i) => i.status === 'pending').length;
  const officer = session.status === 'signed-in' && session.user.kind === 'officer';
  const citizen = session.status === 'signed-in' && session.user.kind === 'citizen';
  // Only the citizen shell shows the bell; officers and reports have screens of their own.
  const unread = useUnreadCount(citizen && !path.startsWith('/can-bo') && path !== '/bao-cao');
  // An officer's home is the console (this also covers the landing right after sign-in).
  useEffect(() => {
    if (officer && path === '/') navigate('/can-bo', { replace: true });
  }, [officer, path]);
  if (path === '/bao-cao') {
    return (
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <ReportsApp />
      </Suspense>
    );
  }
  if (path === '/can-bo' || path.startsWith('/can-bo/')) {
    return (
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <OfficerApp />
      </Suspense>
    );
  }
  let current: { route: Route; params: Record<string, string> } | undefined;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) {
      current = { route, params };
      break;
    }
  }
  return (
    <div className="shell">
      <SkipLink />
      <header className="topbar">
        <Link href="/" className="brand">
          <img src="/icons/icon-192.png" alt="" width={36} height={36} />
          <span>
            <strong>{t('app.shortTitle')}</strong>
            <small>{t('app.province')}</small>
          </span>
        </Link>
        <span className="topbar-actions">
          {citizen && (
            <Link
              href="/thong-bao"
              className="bell"
              aria-label={unread > 0 ? t('notif.bellUnread', { count: unread }) : t('notif.bell')}
              aria-current={path === '/thong-bao' ? 'page' : undefined}
            >
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
                />
              </svg>
              {unread > 0 && (
                <span className="bell-count" aria-hidden="true">
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </Link>
          )}
          <AssistantLauncher />
          <LanguageButton className="lang" />
        </span>
      </header>
      {!online && (
        <p className="offline-bar" role="status">
          {t('offline.banner')}
        </p>
      )}
      {online && waiting > 0 && session.status !== 'signed-out' && (
        <p className="waiting-bar" role="status">
          <Link href="/ho-so">{t('outbox.banner', { count: waiting })}</Link>
        </p>
      )}
      <main className="content" id={MAIN_ID} tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          {current ? current.route.render(current.params) : <NotFound />}
        </Suspense>
      </main>
      <nav className="tabbar" aria-label={t('nav.label')}>
        {TABS.map((tab) => (
          <Link key={tab.id} href={tab.href} className="tab" aria-current={current?.route.tab === tab.id ? 'page' : undefined}>
            <span aria-hidden="true" className="tab-icon">
              {tab.icon}
            </span>
            <span>{t(tab.label)}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <Link href="/" className="button">
        {t('nav.home')}
      </Link>
    </section>
  );
}
