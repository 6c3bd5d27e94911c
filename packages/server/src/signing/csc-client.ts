import type { Config } from '../config';
import type { AppContext } from '../http/context';
import { type CscAnswer, handleCsc, LOCAL_CLIENT_ID, localClientSecret } from './csc-stand-in';

/**
 * The app's Cloud Signature Consortium API v2 client. Remote mode (SIGNING_URL): HTTPS posts to
 * the provider with an OAuth 2.0 client-credentials token. Local mode: the same JSON calls to the
 * built-in stand-in, in-process and on the caller's database handle (a transaction stays one).
 */

export class SigningError extends Error {
  constructor(
    readonly reason:
      | 'no_credential'
      | 'credential_unusable'
      | 'authorization_required'
      | 'invalid_otp'
      | 'unavailable'
      | 'invalid_pdf'
      | 'refused',
    message: string,
  ) {
    super(message);
  }
}

type Transport = (method: string, body: Record<string, unknown>, token?: string) => Promise<CscAnswer>;

function transportOf(ctx: AppContext): Transport {
  const cfg = ctx.config.signing;
  if (cfg.mode === 'local') {
    // Through JSON, as over the wire: the stand-in sees only what a provider would.
    return (method, body, token) => handleCsc(ctx, method, JSON.parse(JSON.stringify(body)), token);
  }
  const base = cfg.url!.replace(/\/$/, '');
  return async (method, body, token) => {
    const isToken = method === 'oauth2/token';
    const res = await fetch(`${base}/${method}`, {
      method: 'POST',
      headers: {
        'content-type': isToken ? 'application/x-www-form-urlencoded' : 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: isToken ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { error: 'invalid_response', error_description: text.slice(0, 200) };
    }
    return { status: res.status, body: parsed };
  };
}

const tokens = new WeakMap<Config, { token: string; until: number }>();

function clientCredentials(config: Config): { client_id: string; client_secret: string } {
  if (config.signing.mode === 'local') return { client_id: LOCAL_CLIENT_ID, client_secret: localClientSecret(config.DATA_DIR) };
  return { client_id: config.signing.clientId!, client_secret: config.signing.clientSecret! };
}

export interface CscClient {
  call<T = Record<string, unknown>>(method: string, body: Record<string, unknown>): Promise<T>;
}

export function cscClient(ctx: AppContext): CscClient {
  const transport = transportOf(ctx);
  const token = async (fresh = false): Promise<string> => {
    const known = tokens.get(ctx.config);
    if (!fresh && known && known.until > Date.now()) return known.token;
    const answer = await transport('oauth2/token', { grant_type: 'client_credentials', ...clientCredentials(ctx.config) });
    const t = answer.body.access_token;
    if (answer.status !== 200 || typeof t !== 'string') throw unavailable(answer);
    const expiresIn = Number(answer.body.expires_in ?? 600);
    tokens.set(ctx.config, { token: t, until: Date.now() + Math.max(0, expiresIn - 30) * 1000 });
    return t;
  };
  return {
    async call<T>(method: string, body: Record<string, unknown>): Promise<T> {
      let answer: CscAnswer;
      try {
        answer = await transport(method, body, await token());
        if (answer.status === 401) answer = await transport(method, body, await token(true));
      } catch (err) {
        if (err instanceof SigningError) throw err;
        throw new SigningError('unavailable', `Không kết nối được dịch vụ ký số: ${(err as Error).message}`);
      }
      if (answer.status === 200) return answer.body as T;
      const code = String(answer.body.error ?? '');
      const description = String(answer.body.error_description ?? 'Dịch vụ ký số từ chối yêu cầu');
      if (code === 'invalid_otp') throw new SigningError('invalid_otp', description);
      if (answer.status >= 500) throw unavailable(answer);
      throw new SigningError('refused', description);
    },
  };
}

function unavailable(answer: CscAnswer): SigningError {
  return new SigningError(
    'unavailable',
    `Dịch vụ ký số tạm thời không phục vụ được (${answer.status}${answer.body.error ? ` ${String(answer.body.error)}` : ''})`,
  );
}
