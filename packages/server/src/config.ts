import { z } from 'zod';

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
  /** When true, dev-only pages (SMS outbox) are served. Never in production. */
  DEV_TOOLS: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
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
  const devTools = env.DEV_TOOLS === undefined ? c.NODE_ENV !== 'production' : c.DEV_TOOLS;
  return { ...c, devTools };
}
