import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
}

/**
 * The reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs. Unset
 * (the default), the client's own address is used, so nobody can choose the address that rate
 * limits and the audit log see by sending the header.
 */
const TrustProxySchema = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .refine((list) => list.every(isProxyAddress), {
    message: 'Danh sách địa chỉ IP hoặc CIDR, cách nhau bằng dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8)',
  });

/** The environment, parsed once at start. A bad value stops the server with a clear message. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** The owner role's URL: migrations run through it, the app then runs through DATABASE_URL (decision 008). */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  /** The role the app runs as, granted its privileges after migrating; default: DATABASE_URL's user. */
  APP_DB_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_$]{0,62}$/)
    .optional(),
  DATA_DIR: z.string().default('./data'),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default('51'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public base URL used in links (QR codes, e-mails). */
  PUBLIC_URL: z.string().url().optional(),
  /** Per user: at most this many unfinished uploads at once (more are refused until some finish or expire). */
  UPLOAD_MAX_OPEN_SESSIONS: z.coerce.number().int().min(1).default(20),
  /** Per user: at most this many bytes declared by their unfinished uploads together (100 MiB). */
  UPLOAD_MAX_OPEN_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  TRUST_PROXY: TrustProxySchema,
  /**
   * 1: a try-out server — demo accounts with a published password, the SMS outbox page and the local
   * VNeID stand-in (both answered only on 127.0.0.1 or to a system administrator). Never with
   * NODE_ENV=production. Unset: main.ts decides from the data dir (dev/demo-mode.ts).
   */
  DVC_DEMO: z.enum(['0', '1']).optional(),
});
/** devTools: demo mode is on (demo accounts, SMS outbox page, local VNeID). */
export type Config = z.infer<typeof ConfigSchema> & { devTools: boolean };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL) {
    throw new Error(
      'Cấu hình không hợp lệ (invalid configuration):\n  MIGRATION_DATABASE_URL cần DATABASE_URL của ứng dụng (needs DATABASE_URL)',
    );
  }
  if (c.NODE_ENV === 'production' && c.DVC_DEMO === '1')
    throw new Error(
      'DVC_DEMO=1 không được dùng cùng NODE_ENV=production: chế độ demo công khai mã OTP và tài khoản mẫu. ' +
        'Demo mode publishes one-time codes and demo logins; unset DVC_DEMO or NODE_ENV=production.',
    );
  return { ...c, devTools: c.DVC_DEMO === '1' };
}

/** Demo tools are never served in production, whatever the config object says. */
export function demoToolsOn(config: Pick<Config, 'devTools' | 'NODE_ENV'>): boolean {
  return config.devTools && config.NODE_ENV !== 'production';
}
