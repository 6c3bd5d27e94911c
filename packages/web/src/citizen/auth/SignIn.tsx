import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { ApiError, NetworkError } from '../../shared/api';
import { retryOutboxNow } from '../../shared/outbox-runtime';
import { signIn } from '../../shared/session';
import { FormError, TextField } from '../../shared/ui';

export function SignIn() {
  const { t } = useI18n();
  const { query } = useLocation();
  const [phone, setPhone] = useState(query.get('phone') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const next = query.get('next') ?? '/';
  // The server sends the browser back here with ?vneid=huy (cancelled at VNeID) or ?vneid=loi.
  const vneid = query.get('vneid');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(phone, password);
      void retryOutboxNow();
      navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
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
      {query.get('verified') && <p className="notice success">{t('verify.done')}</p>}
      {query.get('everywhere') && (
        <p className="notice success" role="status">
          {t('account.everywhereDone')}
        </p>
      )}
      {query.get('reset') && (
        <p className="notice success" role="status">
          {t('forgot.done')}
        </p>
      )}
      {vneid && (
        <p className="alert" role="alert">
          {t(vneid === 'huy' ? 'signin.vneidCancelled' : 'signin.vneidFailed')}
        </p>
      )}
      <h1>{t('signin.title')}</h1>
      <form onSubmit={submit} noValidate>
        <FormError title={error && error.errors.length === 0 ? error.title : undefined} detail={error?.detail} />
        <TextField
          label={t('field.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="username"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={error?.fieldError('phone')}
        />
        <TextField
          label={t('field.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.fieldError('password')}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.sending') : t('signin.submit')}
        </button>
        <p className="center">
          <Link href={phone ? `/quen-mat-khau?phone=${encodeURIComponent(phone)}` : '/quen-mat-khau'}>{t('signin.forgot')}</Link>
        </p>
      </form>
      <p className="or-sep" aria-hidden="true">
        <span>{t('signin.or')}</span>
      </p>
      {/* A full navigation, not <Link>: the server redirects to the VNeID provider and back to /ho-so. */}
      <a href="/api/v1/auth/vneid/start" className="button secondary vneid" aria-describedby="vneid-hint">
        <span className="vneid-mark" aria-hidden="true">
          ID
        </span>
        {t('signin.vneid')}
      </a>
      <p className="hint center" id="vneid-hint">
        {t('signin.vneidHint')}
      </p>
      <p className="center">
        {t('signin.noAccount')} <Link href="/dang-ky">{t('signup.title')}</Link>
      </p>
      <p className="center">
        <Link href="/tra-cuu">{t('lookup.signInLink')}</Link>
      </p>
    </section>
  );
}
