import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config';

/**
 * This capability's own settings (config.ts stays the app's). Without VNPAY_URL the app pays through
 * its built-in sandbox gateway (/sandbox/vnpay/pay), which speaks the same protocol; its hash secret is
 * generated once and kept in <DATA_DIR>/payments/ so it survives restarts and is never a published
 * value. With VNPAY_URL (VNPay's sandbox or production) the terminal code and the secret are required.
 */
const PaymentsEnvSchema = z.object({
  VNPAY_URL: z.string().url().optional(),
  VNPAY_TMN_CODE: z
    .string()
    .regex(/^[A-Za-z0-9]{8}$/)
    .optional(),
  VNPAY_HASH_SECRET: z.string().min(16).optional(),
  /** Minutes the gateway accepts an order (vnp_ExpireDate). */
  VNPAY_EXPIRE_MINUTES: z.coerce.number().int().min(5).max(1440).default(15),
  /** VietQR bank transfer: the collector's account (Napas BIN + account number). DEMO defaults: not a real account. */
  VIETQR_BIN: z
    .string()
    .regex(/^\d{6}$/)
    .default('970415'),
  VIETQR_ACCOUNT: z
    .string()
    .regex(/^[A-Za-z0-9]{1,19}$/)
    .default('0000000000051'),
  VIETQR_ACCOUNT_NAME: z.string().default('TAI KHOAN THU PHI (DEMO)'),
  /** The collector's tax code printed on receipts. DEMO default. */
  FEE_COLLECTOR_TAX_CODE: z.string().default('4300000000'),
  FEE_RECEIPT_TEMPLATE: z.string().default('01BLP0-001'),
  FEE_RECEIPT_SERIES: z.string().default('QN-26E'),
});
export type PaymentsEnv = z.infer<typeof PaymentsEnvSchema>;

export interface PaymentsConfig extends PaymentsEnv {
  /** 'sandbox' = the built-in gateway page of this app. */
  mode: 'sandbox' | 'vnpay';
  tmnCode: string;
  hashSecret: string;
  /** Where the browser is sent to pay: absolute for VNPay, a path of this app for the sandbox. */
  payUrl: string;
}

export const SANDBOX_PAY_PATH = '/sandbox/vnpay/pay';
/** The built-in sandbox's terminal code (not a VNPay code). */
export const SANDBOX_TMN_CODE = 'DVCQNG01';

export function loadPaymentsConfig(
  config: Pick<Config, 'DATA_DIR'>,
  env: Record<string, string | undefined> = process.env,
): PaymentsConfig {
  const parsed = PaymentsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình thanh toán không hợp lệ (invalid payment settings):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.VNPAY_URL) {
    if (!e.VNPAY_TMN_CODE || !e.VNPAY_HASH_SECRET) {
      throw new Error('Cấu hình thanh toán không hợp lệ: VNPAY_URL cần kèm VNPAY_TMN_CODE và VNPAY_HASH_SECRET');
    }
    return { ...e, mode: 'vnpay', tmnCode: e.VNPAY_TMN_CODE, hashSecret: e.VNPAY_HASH_SECRET, payUrl: e.VNPAY_URL };
  }
  return {
    ...e,
    mode: 'sandbox',
    tmnCode: e.VNPAY_TMN_CODE ?? SANDBOX_TMN_CODE,
    hashSecret: e.VNPAY_HASH_SECRET ?? sandboxSecret(config.DATA_DIR),
    payUrl: SANDBOX_PAY_PATH,
  };
}

/** Generated on first use, then read back: 32 upper-case alphanumerics like a VNPay secret. */
function sandboxSecret(dataDir: string): string {
  const dir = join(dataDir, 'payments');
  const file = join(dir, 'vnpay-sandbox-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const secret = [...randomBytes(32)].map((b) => alphabet[b % alphabet.length]).join('');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const cache = new WeakMap<Config, PaymentsConfig>();

/** The settings for this app (read once per app config). */
export function paymentsConfigFor(config: Config): PaymentsConfig {
  let c = cache.get(config);
  if (!c) {
    c = loadPaymentsConfig(config);
    cache.set(config, c);
  }
  return c;
}
