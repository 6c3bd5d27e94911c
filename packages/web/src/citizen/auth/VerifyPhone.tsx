import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { navigate, useLocation } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { FormError, TextField } from '../../shared/ui';

interface SmsOutbox {
  messages: { body: string; createdAt: string }[];
}

/**
 * Step 2 of sign-up: the 6-digit SMS code. In development the server has no SMS gateway and exposes
 * its outbox; the hint appears only when that endpoint answers 200 (never in production, where the
 * route does not exist).
 */
export function VerifyPhone() {
  const { t } = useI18n();
  const { query } = useLocation();
  const phone = query.get('phone') ?? '';
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [info, setInfo] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [devCode, setDevCode] = useState<string | undefined | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `info` changes after "resend": look for the new code
  useEffect(() => {
    let alive = true;
    fetch(`/api/dev/sms-outbox?phone=${encodeURIComponent(phone)}&limit=1`)
      .then(async (r) => {
        if (!r.ok) return;
        const body = (await r.json()) as SmsOutbox;
        const found = body.messages[0]?.body.match(/\b(\d{6})\b/)?.[1];
        if (alive) setDevCode(found);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [phone, info]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/v1/auth/verify-phone', { method: 'POST', body: { phone, code } });
      navigate(`/dang-nhap?phone=${encodeURIComponent(phone)}&verified=1`);
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic')),
      );
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    setError(undefined);
    try {
      const answer = await api<{ message: string }>('/api/v1/auth/resend-code', { method: 'POST', body: { phone } });
      setInfo(answer.message);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, t('error.network')));
    }
  }

  return (
    <section>
      <p className="progress">{t('signup.progress', { step: 2, total: 3 })}</p>
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.lead', { phone })}</p>
      <form onSubmit={submit} noValidate>
        <FormError title={error && error.errors.length === 0 ? error.title : undefined} detail={error?.detail} />
        <TextField
          label={t('verify.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          error={error?.fieldError('code')}
        />
        {devCode !== null && (
          <p className="dev-hint">
            {t('verify.devHint')}{' '}
            {devCode ? (
              <button type="button" className="linklike" onClick={() => setCode(devCode)}>
                {t('verify.devUse', { code: devCode })}
              </button>
            ) : (
              <a href={`/api/dev/sms-outbox?phone=${encodeURIComponent(phone)}`} target="_blank" rel="noreferrer">
                {t('verify.devOpen')}
              </a>
            )}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy || code.length !== 6}>
          {t('verify.submit')}
        </button>
      </form>
      {info && <p className="notice">{info}</p>}
      <button type="button" className="button secondary" onClick={resend}>
        {t('verify.resend')}
      </button>
    </section>
  );
}
