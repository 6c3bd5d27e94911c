import { z } from 'zod';
import { type Config, demoToolsOn } from '../../config';

/** Where the local VNeID stand-in is mounted (dev/oidc-provider.ts) in the default mode. */
export const LOCAL_VNEID_PATH = '/dev-vneid';
export const LOCAL_CLIENT_ID = 'dvc-quangngai';
/** Known to everybody: only the local stand-in accepts it. */
export const LOCAL_CLIENT_SECRET = 'dvc-quangngai-dev-vneid-client-secret';

/**
 * VNeID login settings (config.ts stays the app's). With VNEID_ISSUER the national identity
 * provider is used (client id and secret required); without it, and only in demo mode (DVC_DEMO=1), the local
 * stand-in of this server; otherwise VNeID login is off.
 */
const VneidEnvSchema = z.object({
  VNEID_ISSUER: z.string().url().optional(),
  VNEID_CLIENT_ID: z.string().min(1).optional(),
  VNEID_CLIENT_SECRET: z.string().min(1).optional(),
  /** Defaults to <public URL>/api/v1/auth/vneid/callback. Must be registered with the provider. */
  VNEID_REDIRECT_URI: z.string().url().optional(),
  VNEID_SCOPE: z.string().default('openid profile phone citizen'),
  /** Name of the claim carrying the 12-digit identity number. */
  VNEID_CITIZEN_ID_CLAIM: z.string().default('citizen_id'),
});

export interface VneidEnv {
  /** Absent: the local stand-in (in demo mode). */
  issuer: string | undefined;
  clientId: string;
  clientSecret: string;
  redirectUri: string | undefined;
  scope: string;
  citizenIdClaim: string;
}

export function loadVneidEnv(env: Record<string, string | undefined> = process.env): VneidEnv {
  const parsed = VneidEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình đăng nhập VNeID không hợp lệ (invalid VNeID settings):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.VNEID_ISSUER && (!e.VNEID_CLIENT_ID || !e.VNEID_CLIENT_SECRET))
    throw new Error('VNEID_CLIENT_ID và VNEID_CLIENT_SECRET là bắt buộc khi cấu hình VNEID_ISSUER.');
  return {
    issuer: e.VNEID_ISSUER,
    clientId: e.VNEID_CLIENT_ID ?? LOCAL_CLIENT_ID,
    clientSecret: e.VNEID_CLIENT_SECRET ?? LOCAL_CLIENT_SECRET,
    redirectUri: e.VNEID_REDIRECT_URI,
    scope: e.VNEID_SCOPE,
    citizenIdClaim: e.VNEID_CITIZEN_ID_CLAIM,
  };
}

/** This server's own base URL: PUBLIC_URL, or the address it listens on. */
export function serverBaseUrl(config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}

/** Whether the local stand-in is in use: no issuer configured, and dev tools on (never production). */
export function usesLocalProvider(env: VneidEnv, config: Pick<Config, 'devTools' | 'NODE_ENV'>): boolean {
  return env.issuer === undefined && demoToolsOn(config);
}

export function issuerUrl(env: VneidEnv, config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): string {
  return env.issuer ?? `${serverBaseUrl(config)}${LOCAL_VNEID_PATH}`;
}

export function redirectUri(env: VneidEnv, config: Pick<Config, 'HOST' | 'PORT' | 'PUBLIC_URL'>): string {
  return env.redirectUri ?? `${serverBaseUrl(config)}/api/v1/auth/vneid/callback`;
}
