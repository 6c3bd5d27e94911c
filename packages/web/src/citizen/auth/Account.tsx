import { useState } from 'react';
import { setLocale, useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { api } from '../../shared/api';
import { useOutbox } from '../../shared/outbox-runtime';
import { rememberLanguage, signOut, useSession } from '../../shared/session';
import { PushToggle } from '../notifications/PushToggle';
import { MyDataPanel } from '../privacy/MyDataPanel';

export function Account() {
  const { t, locale } = useI18n();
  // The app's language is also the language of this citizen's notices (SMS, Zalo, e-mail).
  const choose = (next: 'vi' | 'en') => {
    setLocale(next);
    void rememberLanguage();
  };
  const session = useSession();
  const { items } = useOutbox();
  const [confirming, setConfirming] = useState(false);
  const [confirmingEverywhere, setConfirmingEverywhere] = useState(false);
  const unsent = items.filter((i) => i.status !== 'sent').length;

  async function doSignOut() {
    // Unsent dossiers and drafts are erased with the session: ask first when there are some.
    if (unsent > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    await signOut();
    navigate('/', { replace: true });
  }

  /** Ends the sessions of every device, then this one's local data as a plain sign-out does. */
  async function doSignOutEverywhere() {
    if (!confirmingEverywhere) {
      setConfirmingEverywhere(true);
      return;
    }
    try {
      await api('/api/v1/auth/sign-out-everywhere', { method: 'POST', body: { includeThisDevice: true } });
    } catch {
      // offline: this device is signed out below; the others need the network, the person sees the page again
    }
    await signOut();
    navigate('/dang-nhap?everywhere=1', { replace: true });
  }

  return (
    <section>
      <h1>{t('nav.account')}</h1>
      {session.status === 'signed-out' || session.status === 'loading' ? (
        <div className="stack">
          <p className="lead">{t('account.signedOutLead')}</p>
          <Link href="/dang-nhap" className="button primary">
            {t('signin.title')}
          </Link>
          <Link href="/dang-ky" className="button secondary">
            {t('signup.title')}
          </Link>
        </div>
      ) : (
        <div className="stack">
          <div className="card">
            <p className="muted">{t('account.signedInAs')}</p>
            <p className="big">{session.user.fullName}</p>
            {session.status === 'signed-in' && <p>{session.user.phone}</p>}
          </div>
          {session.status === 'signed-in' && session.user.kind === 'citizen' && <PushToggle />}
          {session.status === 'signed-in' && session.user.kind === 'citizen' && <MyDataPanel />}
          {session.status === 'signed-in' && (
            <nav className="stack" aria-label={t('nav.account')}>
              {session.user.kind === 'citizen' && (
                <Link href="/tai-khoan/thong-tin" className="button secondary">
                  {t('profile.title')}
                </Link>
              )}
              {session.user.kind === 'citizen' && (
                <Link href="/kho-du-lieu" className="button secondary">
                  {t('store.title')}
                </Link>
              )}
              {session.user.kind === 'citizen' && (
                <Link href="/phan-anh" className="button secondary">
                  {t('complaint.listTitle')}
                </Link>
              )}
              <Link href="/tai-khoan/mat-khau" className="button secondary">
                {t('password.changeTitle')}
              </Link>
            </nav>
          )}
          {confirming && (
            <div className="alert" role="alert">
              {t('account.signOutWarning', { count: unsent })}
            </div>
          )}
          <button type="button" className="button danger" onClick={doSignOut}>
            {confirming ? t('account.signOutAnyway') : t('account.signOut')}
          </button>
          {session.status === 'signed-in' && (
            <>
              {confirmingEverywhere && (
                <p className="alert" role="alert">
                  {t('account.everywhereWarning')}
                </p>
              )}
              <button type="button" className="button secondary" onClick={doSignOutEverywhere}>
                {confirmingEverywhere ? t('account.everywhereConfirm') : t('account.everywhere')}
              </button>
            </>
          )}
        </div>
      )}
      <h2>{t('lang.title')}</h2>
      {session.status === 'signed-in' && <p className="muted">{t('lang.notices')}</p>}
      <div className="choice-row">
        <button type="button" className={`chip${locale === 'vi' ? ' selected' : ''}`} onClick={() => choose('vi')}>
          Tiếng Việt
        </button>
        <button type="button" className={`chip${locale === 'en' ? ' selected' : ''}`} onClick={() => choose('en')}>
          English
        </button>
      </div>
    </section>
  );
}
