import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { FormError, TextField } from '../../shared/ui';

/**
 * /quen-mat-khau: the phone number, then the code of the SMS and a new password. The server answers
 * the first step alike for every number (it tells nobody which numbers have an account), so the page
 * says "if … is registered" and moves on.
 */
export function ForgotPassword() {
  const { t } = useI18n();
  const { query } = useLocation();
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [phone, setPhone] = useState(query.get('phone') ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [sent, setSent] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // A new step is announced by moving the focus to its heading (not on the page's first render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes, reads no state
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const fail = (err: unknown) =>
    setError(err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic')));

  async function askCode(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<{ message: string }>('/api/v1/auth/password-reset', { method: 'POST', body: { phone } });
      setSent(answer.message);
      setStep('code');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setBusy(true);
    try {
      await api('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { phone, code, password } });
      navigate(`/dang-nhap?phone=${encodeURIComponent(phone)}&reset=1`, { replace: true });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  const generalError = error && error.errors.length === 0 ? error.title : undefined;

  return (
    <section>
      <p className="progress">{t('forgot.progress', { step: step === 'phone' ? 1 : 2, total: 2 })}</p>
      <h1 ref={heading} tabIndex={-1}>
        {step === 'phone' ? t('forgot.title') : t('forgot.codeTitle')}
      </h1>
      {step === 'phone' ? (
        <form onSubmit={askCode} noValidate>
          <p className="lead">{t('forgot.lead')}</p>
          <FormError title={generalError} detail={error?.detail} />
          <TextField
            label={t('field.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="username"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            error={error?.fieldError('phone')}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.sending') : t('forgot.send')}
          </button>
        </form>
      ) : (
        <form onSubmit={confirm} noValidate>
          {sent && (
            <p className="notice" role="status">
              {sent}
            </p>
          )}
          <FormError title={generalError} detail={error?.detail} />
          <TextField
            label={t('forgot.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="code-input"
            value={code}
            onChange={(e) => {
              setCode(e.target.value.replace(/\D/g, ''));
              // The refusal was of the code typed before: it must not stay beside a new one.
              if (error) setError(undefined);
            }}
            error={error?.fieldError('code')}
          />
          <TextField
            label={t('password.new')}
            hint={t('password.rules')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.fieldError('password')}
          />
          <TextField
            label={t('password.repeat')}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={mismatch ? t('password.mismatch') : undefined}
          />
          <button type="submit" className="button primary" disabled={busy || code.length !== 6}>
            {busy ? t('common.sending') : t('forgot.submit')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void askCode()}>
            {t('forgot.resend')}
          </button>
          <button
            type="button"
            className="linklike"
            onClick={() => {
              setStep('phone');
              setError(undefined);
            }}
          >
            {t('forgot.otherPhone')}
          </button>
        </form>
      )}
      <p className="center">
        <Link href="/dang-nhap">{t('forgot.backToSignIn')}</Link>
      </p>
    </section>
  );
}
