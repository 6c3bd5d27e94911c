import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { demoToolsOnly } from '../demo-tools';
import { LOCAL_VNEID_PATH } from './vneid.client';

/**
 * A local stand-in for VNeID (the national identity provider) for the default mode: a real OpenID
 * Connect provider (oidc-provider) with its development login and consent pages, mounted under
 * /dev-vneid, knowing the test identities below. Registered only when no VNEID_ISSUER is configured
 * and demo mode is on (never in production: anybody could sign in as these people), and answered
 * only on 127.0.0.1 or to a system administrator.
 * Sign in with the 12-digit number as the login (any password).
 */
export const TEST_IDENTITIES = [
  // A person new to the portal: the first login opens a citizen account.
  {
    citizen_id: '051190000123',
    name: 'Trần Thị Thu',
    phone_number: '+84977000123',
    birthdate: '1990-07-21',
    gender: 'female',
    address: { formatted: 'Tổ 3, phường Nghĩa Lộ, tỉnh Quảng Ngãi' },
  },
  // The demo citizen's phone (identity.seed.ts): the first login links that existing account.
  {
    citizen_id: '051085000456',
    name: 'Nguyễn Văn An',
    phone_number: '0905000001',
    birthdate: '1985-03-12',
    gender: 'male',
    address: { formatted: '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi' },
  },
] as const;

export interface DevVneidOptions {
  /** Full issuer URL, ending in /dev-vneid. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export const devVneidProvider: FastifyPluginAsync<DevVneidOptions> = async (app, opts) => {
  // Loaded and built on first use: apps that never sign in with VNeID pay nothing (import, key,
  // the library's start-up warnings).
  let handler: Promise<ReturnType<Provider['callback']>> | undefined;
  const provider = () => {
    handler ??= build();
    return handler;
  };
  const build = async () => {
    const { default: Provider } = await import('oidc-provider');
    // A key of this process, not the library's published development key.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const p = new Provider(opts.issuer, {
      clients: [
        {
          client_id: opts.clientId,
          client_secret: opts.clientSecret,
          redirect_uris: opts.redirectUris,
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      claims: {
        openid: ['sub'],
        profile: ['name', 'birthdate', 'gender'],
        phone: ['phone_number', 'phone_number_verified'],
        // The residence (nơi thường trú) from the population database comes with the identity number.
        citizen: ['citizen_id', 'address'],
      },
      features: { devInteractions: { enabled: true } },
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'dev-vneid' }] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      findAccount: (_ctx, sub) => {
        const person = TEST_IDENTITIES.find((i) => i.citizen_id === sub);
        if (!person) return undefined;
        return { accountId: sub, claims: () => ({ sub, ...person, phone_number_verified: true }) };
      },
    });
    // Behind the app's proxy (Fastify trusts it too): take the scheme from X-Forwarded-Proto.
    p.proxy = true;
    return p.callback();
  };

  // Anybody could sign in as the test identities: only this machine or a system administrator.
  app.addHook('onRequest', demoToolsOnly);

  // The provider reads its own request bodies (form posts to the token and interaction endpoints).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const req = request.raw as typeof request.raw & { originalUrl?: string };
    // oidc-provider routes on the path below its mount point and rebuilds links from originalUrl.
    req.originalUrl = req.url;
    req.url = (req.url ?? '/').slice(LOCAL_VNEID_PATH.length) || '/';
    await (await provider())(req, reply.raw);
  };
  const methods = ['GET', 'POST', 'HEAD', 'OPTIONS'] as const;
  // The provider stands in for another site with its own CSRF protection (interaction cookies): the
  // app's session CSRF check (x-csrf-token) does not apply to its form posts.
  const config = { ownCsrf: true };
  app.route({ method: [...methods], url: LOCAL_VNEID_PATH, config, schema: { hide: true }, handler: forward });
  app.route({ method: [...methods], url: `${LOCAL_VNEID_PATH}/*`, config, schema: { hide: true }, handler: forward });
};
