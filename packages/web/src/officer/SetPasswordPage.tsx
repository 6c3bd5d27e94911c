import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ApiError, api, NetworkError } from '../shared/api';

/**
 * /can-bo/dat-mat-khau: a new officer types the code the SMS brought and chooses a password.
 * Reachable without a session (the officer has none yet).
 */
export function SetPasswordPage() {
  const { t } = useI18n();
  const ids = useId();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setBusy(true);
    try {
      await api('/api/v1/auth/staff-password', { method: 'POST', body: { phone, code, password } });
      setDone(true);
    } catch (x) {
      setProblem(x instanceof ApiError ? x : new ApiError(0, t(x instanceof NetworkError ? 'error.network' : 'error.generic')));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, value: string, set: (v: string) => void, extra: Record<string, string>) => {
    const error = problem?.fieldError(name) ?? (name === 'repeat' && mismatch ? t('officer.setPassword.mismatch') : undefined);
    return (
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${ids}-${name}`}>{label}</label>
        <input id={`${ids}-${name}`} value={value} onChange={(e) => set(e.target.value)} {...extra} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="officer">
      <main className="off-main narrow">
        <h1>{t('officer.setPassword.title')}</h1>
        {done ? (
          <>
            <p className="notice" role="status">
              {t('officer.setPassword.done')}
            </p>
            <Link href={`/dang-nhap?next=${encodeURIComponent('/can-bo')}`} className="button primary slim">
              {t('signin.title')}
            </Link>
          </>
        ) : (
          <form onSubmit={submit} noValidate className="off-form">
            <p className="lead">{t('officer.setPassword.lead')}</p>
            {problem && !problem.errors.length && (
              <p className="alert" role="alert">
                {problem.title}
              </p>
            )}
            {field('phone', t('officer.staff.phone'), phone, setPhone, { type: 'tel', autoComplete: 'username' })}
            {field('code', t('officer.setPassword.code'), code, setCode, {
              inputMode: 'numeric',
              autoComplete: 'one-time-code',
            })}
            {field('password', t('officer.setPassword.password'), password, setPassword, {
              type: 'password',
              autoComplete: 'new-password',
            })}
            {field('repeat', t('officer.setPassword.repeat'), repeat, setRepeat, {
              type: 'password',
              autoComplete: 'new-password',
            })}
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('common.sending') : t('officer.setPassword.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
