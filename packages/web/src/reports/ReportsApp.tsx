import { useI18n } from '../i18n';
import { Link } from '../router';
import { MAIN_ID, SkipLink } from '../shared/a11y';
import { DeskUserMenu } from '../shared/DeskUserMenu';
import { useSession } from '../shared/session';
import { ReportsPage } from './ReportsPage';

/**
 * /bao-cao, lazy-loaded from App.tsx: a desk screen for officers (the API decides what each one may
 * see: the whole province for its administrators, their own agencies for the others). Anyone else is
 * told to sign in, or that the page is for officers.
 */
export default function ReportsApp() {
  const { t } = useI18n();
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : undefined;

  if (session.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (!user || user.kind !== 'officer') {
    return (
      <div className="officer">
        <main className="off-main narrow">
          <h1>{t('reports.title')}</h1>
          <p className="lead">{user ? t('reports.notOfficer') : t('reports.signInLead')}</p>
          {!user && (
            <Link href="/dang-nhap?next=%2Fbao-cao" className="button primary slim">
              {t('signin.title')}
            </Link>
          )}
          <p>
            <Link href="/cong-khai">{t('reports.public.link')}</Link>
          </p>
        </main>
      </div>
    );
  }
  return (
    <div className="officer">
      <SkipLink />
      <header className="off-top">
        <Link href="/can-bo" className="off-brand">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} />
          <span>
            <strong>{t('app.shortTitle')}</strong>
            <small>{t('reports.title')}</small>
          </span>
        </Link>
        <nav className="off-nav" aria-label={t('reports.nav.label')}>
          <Link href="/can-bo">{t('reports.nav.console')}</Link>
          <Link href="/bao-cao" aria-current="page">
            {t('reports.nav.reports')}
          </Link>
          <Link href="/cong-khai">{t('reports.nav.public')}</Link>
        </nav>
        <DeskUserMenu fullName={user.fullName} signOutLabel={t('reports.signOut')} />
      </header>
      <main className="off-main rp-main" id={MAIN_ID} tabIndex={-1}>
        <ReportsPage />
      </main>
    </div>
  );
}
