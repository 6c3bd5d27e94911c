import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { FormError, TextField } from '../../shared/ui';

/** /tai-khoan/mat-khau: a new password, given the current one; the other devices are signed out. */
export function ChangePassword() {
  const { t } = useI18n();
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);

  if (session.status !== 'signed-in') {
    return (
      <section>
        <h1>{t('password.changeTitle')}</h1>
        <Link href={`/dang-nhap?next=${encodeURIComponent('/tai-khoan/mat-khau')}`} className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setBusy(true);
    try {
      const answer = await api<{ endedSessions: number }>('/api/v1/auth/password', {
        method: 'PUT',
        body: { currentPassword: current, newPassword: password },
      });
      setDone(answer.endedSessions);
      setCurrent('');
      setPassword('');
      setRepeat('');
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
      <h1>{t('password.changeTitle')}</h1>
      {done !== undefined ? (
        <div className="stack">
          <p className="notice success" role="status">
            {t('password.changed', { count: done })}
          </p>
          <Link href="/tai-khoan" className="button secondary">
            {t('profile.backToAccount')}
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormError title={error && error.errors.length === 0 ? error.title : undefined} detail={error?.detail} />
          <TextField
            label={t('password.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={error?.fieldError('currentPassword')}
          />
          <TextField
            label={t('password.new')}
            hint={t('password.rules')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.fieldError('newPassword')}
          />
          <TextField
            label={t('password.repeat')}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={mismatch ? t('password.mismatch') : undefined}
          />
          <p className="hint">{t('password.othersSignedOut')}</p>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.sending') : t('password.submit')}
          </button>
          <p className="center">
            <Link href="/quen-mat-khau">{t('signin.forgot')}</Link>
          </p>
        </form>
      )}
    </section>
  );
}
