import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { loadSession, useSession } from '../../shared/session';
import { FormError, TextField } from '../../shared/ui';

interface ProfileView {
  fullName: string;
  phone: string;
  email: string | null;
  identityVerified: boolean;
  liveSessions: number;
}

/** /tai-khoan/thong-tin: the name and e-mail the next filings start from (filed dossiers keep theirs). */
export function Profile() {
  const { t } = useI18n();
  const session = useSession();
  const [profile, setProfile] = useState<ProfileView | undefined>();
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const signedIn = session.status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    let alive = true;
    api<ProfileView>('/api/v1/account/profile')
      .then((p) => {
        if (!alive) return;
        setProfile(p);
        setFullName(p.fullName);
        setEmail(p.email ?? '');
      })
      .catch((err) => alive && setError(err instanceof ApiError ? err : new ApiError(0, t('error.network'))));
    return () => {
      alive = false;
    };
  }, [signedIn, t]);

  if (!signedIn) {
    return (
      <section>
        <h1>{t('profile.title')}</h1>
        <Link href={`/dang-nhap?next=${encodeURIComponent('/tai-khoan/thong-tin')}`} className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const next = await api<ProfileView>('/api/v1/account/profile', { method: 'PUT', body: { fullName, email } });
      setProfile(next);
      setSaved(true);
      // The name in the header and on the account page comes from the session.
      await loadSession();
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic')),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('profile.title')}</h1>
      {!profile && !error && <p className="muted">{t('common.loading')}</p>}
      {profile && (
        <form onSubmit={submit} noValidate>
          <FormError title={error && error.errors.length === 0 ? error.title : undefined} detail={error?.detail} />
          {saved && (
            <p className="notice success" role="status">
              {t('profile.saved')}
            </p>
          )}
          <TextField
            label={t('field.fullName')}
            autoComplete="name"
            value={fullName}
            readOnly={profile.identityVerified}
            hint={profile.identityVerified ? t('profile.nameFromVneid') : undefined}
            onChange={(e) => setFullName(e.target.value)}
            error={error?.fieldError('fullName')}
          />
          <TextField label={t('field.phone')} value={profile.phone} readOnly hint={t('profile.phoneHint')} />
          <TextField
            label={t('profile.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error?.fieldError('email')}
          />
          <p className="hint">{t('profile.filedKeep')}</p>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.sending') : t('profile.save')}
          </button>
        </form>
      )}
      <p className="center">
        <Link href="/tai-khoan">{t('profile.backToAccount')}</Link>
      </p>
    </section>
  );
}
