import { OfficerRolesView } from '@dvc/domain/contract/auth';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Link, matchPath, useLocation } from '../router';
import { MAIN_ID, SkipLink } from '../shared/a11y';
import { api } from '../shared/api';
import { DeskUserMenu } from '../shared/DeskUserMenu';
import { useSession } from '../shared/session';
import { AgenciesScreen } from './AgenciesScreen';
import { AssistantScreen } from './AssistantScreen';
import { CalendarScreen } from './CalendarScreen';
import { ComplaintsScreen } from './ComplaintsScreen';
import { DossierScreen } from './DossierScreen';
import { Inbox } from './Inbox';
import { IntakeScreen } from './IntakeScreen';
import { PrivacyScreen } from './PrivacyScreen';
import { SetPasswordPage } from './SetPasswordPage';
import { StaffScreen } from './StaffScreen';
import { SupervisionScreen } from './SupervisionScreen';
import { TargetsScreen } from './TargetsScreen';
import { hasRole } from './types';

// The catalog administration carries the definition validator: loaded only when an administrator opens it.
const ProcedureAdminScreen = lazy(() => import('../admin/ProcedureAdminScreen'));

/**
 * The officer console (/can-bo/…): its own shell — a desk screen, not the citizen's phone tabs.
 * Lazy-loaded from App.tsx, so none of it is in the citizen's first load.
 */
export default function OfficerApp() {
  const { t } = useI18n();
  const { path } = useLocation();
  const session = useSession();
  const [agency, setAgency] = useState<string | undefined>();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const isOfficer = user?.kind === 'officer';

  useEffect(() => {
    if (!isOfficer) return;
    api('/api/v1/auth/officer-roles', { schema: OfficerRolesView })
      .then((r) => setAgency([...new Set(r.roles.map((x) => x.agencyName))].join(' · ')))
      .catch(() => setAgency(undefined));
  }, [isOfficer]);

  // A new officer has no session yet: the page where they set a password comes before the sign-in check.
  if (path === '/can-bo/dat-mat-khau') return <SetPasswordPage />;
  if (session.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (!user || !isOfficer) {
    return (
      <div className="officer">
        <main className="off-main narrow">
          <h1>{t('officer.title')}</h1>
          <p className="lead">{user ? t('officer.notOfficer') : t('officer.signInLead')}</p>
          {!user && (
            <Link href={`/dang-nhap?next=${encodeURIComponent(path)}`} className="button primary slim">
              {t('signin.title')}
            </Link>
          )}
        </main>
      </div>
    );
  }

  const detail = matchPath('/can-bo/ho-so/:code', path);
  const nav = [
    { href: '/can-bo', label: t('officer.nav.inbox'), current: path === '/can-bo' || Boolean(detail), show: true },
    {
      href: '/can-bo/tiep-nhan',
      label: t('officer.nav.counter'),
      current: path === '/can-bo/tiep-nhan',
      show: hasRole(user, 'receiver'),
    },
    {
      href: '/can-bo/tong-dai',
      label: t('officer.nav.hotline'),
      current: path === '/can-bo/tong-dai',
      show: hasRole(user, 'hotline'),
    },
    {
      href: '/can-bo/phan-anh',
      label: t('complaint.deskNav'),
      current: path === '/can-bo/phan-anh',
      show: hasRole(user, 'receiver', 'specialist', 'leader', 'province_admin', 'system_admin'),
    },
    { href: '/bao-cao', label: t('officer.nav.reports'), current: false, show: true },
    {
      href: '/can-bo/giam-sat',
      label: t('officer.nav.supervision'),
      current: path === '/can-bo/giam-sat',
      show: hasRole(user, 'receiver', 'province_admin', 'system_admin'),
    },
    {
      href: '/can-bo/nhan-su',
      label: t('officer.nav.staff'),
      current: path === '/can-bo/nhan-su',
      show: hasRole(user, 'province_admin', 'system_admin'),
    },
    ...(
      [
        ['/can-bo/co-quan', 'officer.nav.agencies'],
        ['/can-bo/chi-tieu', 'officer.nav.targets'],
        ['/can-bo/lich-lam-viec', 'officer.nav.calendar'],
      ] as const
    ).map(([href, key]) => ({
      href,
      label: t(key),
      current: path === href,
      show: hasRole(user, 'province_admin', 'system_admin'),
    })),
    {
      href: '/can-bo/thu-tuc',
      label: t('admin.proc.nav'),
      current: path === '/can-bo/thu-tuc',
      show: hasRole(user, 'province_admin', 'system_admin'),
    },
    {
      href: '/can-bo/tro-ly',
      label: t('assistant.admin.nav'),
      current: path === '/can-bo/tro-ly',
      show: hasRole(user, 'province_admin', 'system_admin'),
    },
    {
      href: '/can-bo/du-lieu-ca-nhan',
      label: t('privacy.admin.nav'),
      current: path === '/can-bo/du-lieu-ca-nhan',
      show: hasRole(user, 'province_admin', 'system_admin'),
    },
  ];
  let screen: ReactNode;
  if (path === '/can-bo' || path === '/can-bo/') screen = <Inbox />;
  else if (detail) screen = <DossierScreen key={detail.code} code={detail.code ?? ''} />;
  else if (path === '/can-bo/tiep-nhan') screen = <IntakeScreen mode="counter" />;
  else if (path === '/can-bo/tong-dai') screen = <IntakeScreen mode="hotline" />;
  else if (path === '/can-bo/phan-anh') screen = <ComplaintsScreen />;
  else if (path === '/can-bo/giam-sat') screen = <SupervisionScreen user={user} />;
  else if (path === '/can-bo/nhan-su') screen = <StaffScreen canGrantSystemAdmin={hasRole(user, 'system_admin')} />;
  else if (path === '/can-bo/co-quan') screen = <AgenciesScreen />;
  else if (path === '/can-bo/chi-tieu') screen = <TargetsScreen />;
  else if (path === '/can-bo/lich-lam-viec') screen = <CalendarScreen />;
  else if (path === '/can-bo/tro-ly' && hasRole(user, 'province_admin', 'system_admin')) screen = <AssistantScreen />;
  else if (path === '/can-bo/du-lieu-ca-nhan' && hasRole(user, 'province_admin', 'system_admin')) screen = <PrivacyScreen />;
  else if (path === '/can-bo/thu-tuc' && hasRole(user, 'province_admin', 'system_admin'))
    screen = (
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <ProcedureAdminScreen />
      </Suspense>
    );
  else screen = <h1>{t('notFound.title')}</h1>;

  return (
    <div className="officer">
      <SkipLink />
      <header className="off-top">
        <Link href="/can-bo" className="off-brand">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} />
          <span>
            <strong>{t('app.shortTitle')}</strong>
            <small>{agency ?? t('officer.title')}</small>
          </span>
        </Link>
        <nav className="off-nav" aria-label={t('officer.nav.label')}>
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <Link key={n.href} href={n.href} aria-current={n.current ? 'page' : undefined}>
                {n.label}
              </Link>
            ))}
        </nav>
        <DeskUserMenu fullName={user.fullName} signOutLabel={t('officer.signOut')} />
      </header>
      <main className="off-main" id={MAIN_ID} tabIndex={-1}>
        {screen}
      </main>
    </div>
  );
}
