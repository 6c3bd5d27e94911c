import * as oidc from 'openid-client';
import { type Config, demoToolsOn, type VneidConfig } from '../../config';

/** Where the local VNeID stand-in is mounted (vneid-stand-in.ts) in the default mode. */
export const LOCAL_VNEID_PATH = '/dev-vneid';

/** This server's own base URL: PUBLIC_URL, or the address it listens on. */
function serverBaseUrl(config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}

/** Whether the local stand-in is in use: no issuer configured, and dev tools on (never production). */
export function usesLocalProvider(env: VneidConfig, config: Pick<Config, 'devTools' | 'NODE_ENV'>): boolean {
  return env.issuer === undefined && demoToolsOn(config);
}

export function issuerUrl(env: VneidConfig, config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): string {
  return env.issuer ?? `${serverBaseUrl(config)}${LOCAL_VNEID_PATH}`;
}

export function redirectUri(env: VneidConfig, config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): string {
  return env.redirectUri ?? `${serverBaseUrl(config)}/api/v1/auth/vneid/callback`;
}

/**
 * The relying-party side of VNeID login (openid-client): authorization code flow with PKCE (S256),
 * state and nonce, client_secret_basic at the token endpoint. Discovery is fetched on first use and
 * kept; a failed discovery is retried on the next login rather than stopping the server's start.
 */
export interface VneidClient {
  /** The authorization URL and the secrets to keep server-side until the callback. */
  start(): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }>;
  /** Exchanges the code of the callback URL; throws when anything does not check out. */
  finish(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ sub: string; claims: Record<string, unknown> }>;
}

export function createVneidClient(env: VneidConfig, config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): VneidClient {
  const issuer = issuerUrl(env, config);
  const redirect = redirectUri(env, config);
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(issuer), env.clientId, env.clientSecret, undefined, {
        // Plain http only for a local stand-in on this machine (default mode, tests).
        execute: new URL(issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((err: unknown) => {
        discovered = undefined;
        throw err;
      });
    return discovered;
  };

  return {
    async start() {
      const c = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: redirect,
        scope: env.scope,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },
    async finish(callbackUrl, checks) {
      const c = await configuration();
      const tokens = await oidc.authorizationCodeGrant(c, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      // Scope-requested claims (name, phone, identity number) come from the UserInfo endpoint;
      // the subject must be the ID token's.
      const userinfo = await oidc.fetchUserInfo(c, tokens.access_token, idClaims.sub);
      return { sub: idClaims.sub, claims: { ...idClaims, ...userinfo } };
    },
  };
}
