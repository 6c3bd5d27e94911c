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
      </form>
      <p className="center">
        {t('signin.noAccount')} <Link href="/dang-ky">{t('signup.title')}</Link>
      </p>
    </section>
  );
}
