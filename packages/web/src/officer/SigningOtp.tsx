import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api, NetworkError } from '../shared/api';

/**
 * The leader's signing OTP inside the resolve dialog (docs/decisions/011): the result is signed with
 * the leader's own credential, which the signing service only lets them use after the code it sends
 * by SMS. "Gửi mã OTP" asks for it; the code typed here authorizes this and the next signatures.
 */

export interface SigningReadiness {
  ready: boolean;
  reason?: string;
  message?: string;
}

/** Whether a refused resolve was refused for want of the leader's OTP (not a taken name, a revoked certificate…). */
export async function needsSigningOtp(): Promise<SigningReadiness | undefined> {
  try {
    const r = await api<SigningReadiness>('/api/v1/signing/authorization');
    return !r.ready && r.reason === 'authorization_required' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Enters the OTP; resolves true once authorized, false after showing why not. */
export type AuthorizeSigning = () => Promise<boolean>;

export function useSigningOtp() {
  const { t } = useI18n();
  const [otp, setOtp] = useState('');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const id = useId();

  const messageOf = (err: unknown) =>
    err instanceof ApiError
      ? (err.fieldError('otp') ?? err.detail ?? err.title)
      : t(err instanceof NetworkError ? 'error.network' : 'error.generic');

  async function send() {
    setSending(true);
    setError(undefined);
    try {
      const r = await api<{ sentTo: string }>('/api/v1/signing/otp', { method: 'POST', body: {} });
      setSentTo(r.sentTo);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSending(false);
    }
  }

  const authorize: AuthorizeSigning = async () => {
    if (!/^\d{6}$/.test(otp.trim())) {
      setError(t('sign.otpFormat'));
      return false;
    }
    try {
      await api('/api/v1/signing/authorization', { method: 'POST', body: { otp: otp.trim() } });
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };

  const panel = (lead: string | undefined) => (
    <section className="off-signing" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('sign.title')}</h3>
      <p>{lead ?? t('sign.lead')}</p>
      <p>
        <button type="button" className="button secondary slim" onClick={send} disabled={sending}>
          {sending ? t('common.sending') : sentTo ? t('sign.resendOtp') : t('sign.sendOtp')}
        </button>
      </p>
      {sentTo !== undefined && (
        <p className="hint" role="status">
          {t('sign.otpSent', { phone: sentTo })}
        </p>
      )}
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-otp`}>{t('sign.otpLabel')}</label>
        <input
          id={`${id}-otp`}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={otp}
          onChange={(e) => {
            setOtp(e.target.value.replace(/\D/g, ''));
            setError(undefined);
          }}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );

  return { panel, authorize };
}
