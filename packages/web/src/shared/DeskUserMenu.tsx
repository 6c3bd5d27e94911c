import { setLocale, useI18n } from '../i18n';
import { signOut } from './session';

/** The right end of a desk header (officer console, reports): who is signed in, language, sign out. */
export function DeskUserMenu({ fullName, signOutLabel }: { fullName: string; signOutLabel: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="off-user">
      <span className="off-name">{fullName}</span>
      <button
        type="button"
        className="off-link"
        onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        aria-label={t('lang.switch')}
      >
        {locale === 'vi' ? 'EN' : 'VI'}
      </button>
      <button type="button" className="off-link" onClick={() => void signOut().then(() => window.location.assign('/dang-nhap'))}>
        {signOutLabel}
      </button>
    </div>
  );
}
