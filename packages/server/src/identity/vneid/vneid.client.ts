import * as oidc from 'openid-client';
import type { Config } from '../../config';
import { issuerUrl, redirectUri, type VneidEnv } from './vneid.env';

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

export function createVneidClient(env: VneidEnv, config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): VneidClient {
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
