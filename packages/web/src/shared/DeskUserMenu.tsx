import { LanguageButton } from './a11y';
import { signOut } from './session';

/** The right end of a desk header (officer console, reports): who is signed in, language, sign out. */
export function DeskUserMenu({ fullName, signOutLabel }: { fullName: string; signOutLabel: string }) {
  return (
    <div className="off-user">
      <span className="off-name">{fullName}</span>
      <LanguageButton className="off-link" />
      <button type="button" className="off-link" onClick={() => void signOut().then(() => window.location.assign('/dang-nhap'))}>
        {signOutLabel}
      </button>
    </div>
  );
}
