import { CodeSentView } from '@dvc/domain/contract/auth';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { FormError, TextField } from '../../shared/ui';
import { AccountNotice } from '../privacy/AccountNotice';

export function SignUp() {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [consent, setConsent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api('/api/v1/auth/register', {
        schema: CodeSentView,
        method: 'POST',
        body: { phone, password, fullName },
      });
      navigate(`/xac-thuc?phone=${encodeURIComponent(answer.phone)}`);
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
      <h1>{t('signup.title')}</h1>
      <p className="lead">{t('signup.lead')}</p>
      <form onSubmit={submit} noValidate>
        <FormError title={error && error.errors.length === 0 ? error.title : undefined} detail={error?.detail} />
        <TextField
          label={t('field.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={error?.fieldError('phone')}
          required
        />
        <TextField
          label={t('field.fullName')}
          autoComplete="name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={error?.fieldError('fullName')}
          required
        />
        <TextField
          label={t('field.password')}
          type="password"
          autoComplete="new-password"
          hint={t('signup.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.fieldError('password')}
          required
        />
        <AccountNotice checked={consent} onChange={setConsent} />
        <button type="submit" className="button primary" disabled={busy || !consent}>
          {busy ? t('common.sending') : t('signup.submit')}
        </button>
      </form>
      <p className="center">
        {t('signup.haveAccount')} <Link href="/dang-nhap">{t('signin.title')}</Link>
      </p>
    </section>
  );
}
