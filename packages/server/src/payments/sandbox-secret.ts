import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, PaymentsConfig } from '../config';

/** config.payments with the hash secret every signature needs. */
export type PaymentSettings = PaymentsConfig & { hashSecret: string };

/**
 * The built-in sandbox gateway's hash secret when VNPAY_HASH_SECRET is not given: generated on first
 * use and kept in <DATA_DIR>/payments/, so it survives restarts and is never a published value.
 * 32 upper-case alphanumerics like a VNPay secret.
 */
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

const cache = new WeakMap<Config, PaymentSettings>();

/** The app's payment settings (its config.payments; the data dir is read once per app config). */
export function paymentsConfigFor(config: Config): PaymentSettings {
  let c = cache.get(config);
  if (!c) {
    c = { ...config.payments, hashSecret: config.payments.hashSecret ?? sandboxSecret(config.DATA_DIR) };
    cache.set(config, c);
  }
  return c;
}
