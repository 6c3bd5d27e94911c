import { z } from 'zod';
import type { Config } from '../config';

/** The local receiver's path: the default target when no portal URL is configured. */
export const LOCAL_RECEIVER_PATH = '/api/dev/portal-receiver';
/** Known to everybody, so refused in production. */
const DEV_SECRET = 'dvc-dev-portal-sync-secret';

/**
 * This capability's own settings (config.ts stays the app's). Without PORTAL_SYNC_URL the messages
 * go to the local receiver of this very server, which records what it got (default mode).
 */
const PortalSyncEnvSchema = z.object({
  PORTAL_SYNC_URL: z.string().url().optional(),
  PORTAL_SYNC_SECRET: z.string().min(16).optional(),
  /** A message that still fails after this many attempts is marked failed (listed on the admin page). */
  PORTAL_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  PORTAL_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export interface PortalSyncEnv {
  /** Absent: the local receiver (resolved against the server's own address when sending). */
  url: string | undefined;
  secret: string;
  maxAttempts: number;
  timeoutMs: number;
}

export function loadPortalSyncEnv(env: Record<string, string | undefined> = process.env): PortalSyncEnv {
  const parsed = PortalSyncEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình đồng bộ Cổng DVC quốc gia không hợp lệ (invalid portal sync settings):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (env.NODE_ENV === 'production' && e.PORTAL_SYNC_URL && !e.PORTAL_SYNC_SECRET)
    throw new Error('PORTAL_SYNC_SECRET là bắt buộc khi cấu hình PORTAL_SYNC_URL ở môi trường production.');
  return {
    url: e.PORTAL_SYNC_URL,
    secret: e.PORTAL_SYNC_SECRET ?? DEV_SECRET,
    maxAttempts: e.PORTAL_SYNC_MAX_ATTEMPTS,
    timeoutMs: e.PORTAL_SYNC_TIMEOUT_MS,
  };
}

/** Where messages are posted: the configured portal, or this server's own local receiver. */
export function portalTargetUrl(env: PortalSyncEnv, config: Pick<Config, 'HOST' | 'PORT'>): string {
  if (env.url) return env.url;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}${LOCAL_RECEIVER_PATH}`;
}
