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
    message:
      'Danh sách địa chỉ IP hoặc CIDR, cách nhau bằng dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8) — comma-separated IP addresses or CIDRs',
  });

/** The app's own settings: what every capability may read from `ctx.config` directly. */
const AppEnvSchema = z.object({
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
  /** A phone gets a new SMS code (sign-up, resend, forgotten password) at most once in this many seconds. */
  SMS_CODE_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
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
  /** Set by npm to the folder `npm run` was started in: the import CLI resolves its file name against it. */
  INIT_CWD: z.string().optional(),
});

/**
 * Payments (config.payments). Without VNPAY_URL the app pays through its built-in sandbox gateway
 * (/sandbox/vnpay/pay), which speaks the same protocol; its hash secret is generated once and kept in
 * <DATA_DIR>/payments/ (payments/sandbox-secret.ts). With VNPAY_URL (VNPay's sandbox or production)
 * the terminal code and the secret are required.
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

/**
 * VNeID login (config.vneid). With VNEID_ISSUER the national identity provider is used (client id
 * and secret required); without it, and only in demo mode (DVC_DEMO=1), the local stand-in of this
 * server; otherwise VNeID login is off.
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

/**
 * The national portal sync (config.portalSync). Without PORTAL_SYNC_URL the messages go to the local
 * receiver of this very server, which records what it got (default mode).
 */
const PortalSyncEnvSchema = z.object({
  PORTAL_SYNC_URL: z.string().url().optional(),
  PORTAL_SYNC_SECRET: z.string().min(16).optional(),
  /** A message that still fails after this many attempts is marked failed (listed on the admin page). */
  PORTAL_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  PORTAL_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

/**
 * Notifications (config.notifications): e-mail goes through SMTP when SMTP_URL is set, otherwise into
 * <DATA_DIR>/mail/*.eml; VAPID keys come from here when both are set, otherwise they are generated
 * once and kept in the database.
 */
const NotificationsEnvSchema = z.object({
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('"Dịch vụ công Quảng Ngãi" <no-reply@dichvucong.quangngai.gov.vn>'),
  VAPID_SUBJECT: z.string().default('mailto:no-reply@dichvucong.quangngai.gov.vn'),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  /**
   * SMS over SMPP 3.4 (a carrier's brand-name gateway), e.g. smpp://smsc.example.vn:2775. Absent: the
   * server starts its own SMSC stand-in on 127.0.0.1 (SMSC_STAND_IN_PORT, 0 = any free port).
   */
  SMPP_URL: z
    .string()
    .regex(/^s?smpp:\/\/[^/\s]+:\d+$/, 'smpp://host:port hoặc ssmpp://host:port')
    .optional(),
  SMPP_SYSTEM_ID: z.string().min(1).max(15).default('dvc'),
  SMPP_PASSWORD: z.string().max(8).default('dvc'),
  /** The brand name the carrier registered for the province (alphanumeric sender, at most 11). */
  SMPP_SOURCE_ADDR: z.string().min(1).max(11).default('DVC.QNgai'),
  /** ucs2: Vietnamese with diacritics (data_coding 8, 70/67 characters a part); gsm7: without (160/153). */
  SMS_ENCODING: z.enum(['ucs2', 'gsm7']).default('ucs2'),
  /** The carrier's throughput limit, in submit_sm per second (each part counts). */
  SMS_MAX_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(30),
  /** First retry after a refusal (throttled, SMSC down); doubles each time, capped at 10 minutes. */
  SMS_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  SMS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  SMSC_STAND_IN_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  /**
   * Zalo Notification Service (template messages to citizens who opted in). Absent: the server's own
   * stand-in of the ZNS API on 127.0.0.1. With ZNS_URL (https://business.openapi.zalo.me) the
   * Official Account's access token is required.
   */
  ZNS_URL: z.string().url().optional(),
  ZNS_ACCESS_TOKEN: z.string().min(1).optional(),
  /** The approved template of a dossier notice: params code, status, message. */
  ZNS_TEMPLATE_ID: z.string().min(1).default('dvc-dossier-status'),
  ZNS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
});

/**
 * Signatures on issued PDFs (config.signing, docs/decisions/011). Without SIGNING_URL the app signs
 * through its built-in Cloud Signature Consortium API v2 stand-in (/csc/v2, its own root and issuing
 * CA under <DATA_DIR>/signing/) and timestamps with its built-in RFC 3161 authority (/tsa). With
 * SIGNING_URL (a provider's CSC v2 base URL, e.g. https://rs.example.vn/csc/v2) the client id and
 * secret are required; SIGNING_TSA_URL names the provider's timestamp authority.
 */
const SigningEnvSchema = z.object({
  SIGNING_URL: z.string().url().optional(),
  SIGNING_CLIENT_ID: z.string().min(1).optional(),
  SIGNING_CLIENT_SECRET: z.string().min(1).optional(),
  SIGNING_TSA_URL: z.string().url().optional(),
  /** An officer's OTP authorizes this many signatures … */
  SIGNING_AUTHORIZATION_SIGNATURES: z.coerce.number().int().min(1).max(1000).default(50),
  /** … for at most this many minutes. */
  SIGNING_AUTHORIZATION_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
  SIGNING_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** 1: results are issued unsigned — only the signing bench's baseline server, only in demo mode. */
  SIGNING_BENCH_UNSIGNED_RESULTS: z.enum(['0', '1']).optional(),
});

/**
 * Results by post (config.postal, issue 18): shipment orders through a postal service's API
 * (VNPost-like: create order → tracking number, status by tracking number). Without POSTAL_URL the
 * server starts its own stand-in of that API on 127.0.0.1 (postal/postal-stand-in.ts).
 */
const PostalEnvSchema = z.object({
  POSTAL_URL: z.string().url().optional(),
  POSTAL_TOKEN: z.string().min(1).optional(),
  POSTAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** First retry after a failed order; doubles each time, capped at an hour. */
  POSTAL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** How often a shipment's delivery status is asked until it is delivered. */
  POSTAL_STATUS_POLL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(86_400_000)
    .default(15 * 60_000),
  /** The desk's province as addresses name it: an address naming it pays the in-province rate. */
  POSTAL_HOME_PROVINCE: z.string().min(1).default('Quảng Ngãi'),
});

/** The whole environment: every variable the server reads, each checked once, at start. */
/**
 * Personal data (config.privacy, issue 20). Decree 356/2025/ND-CP (in force with Law 91/2025/QH15
 * from 1 Jan 2026, replacing Decree 13/2023's 72 hours) sets an answer within 2 working days and
 * completion within 10 to 20 days depending on the right: the deadline is a setting, defaulting to
 * the shortest. Verify against the decree's text before relying on it (docs/personal-data.md).
 */
const PrivacyEnvSchema = z.object({
  PRIVACY_REQUEST_DUE_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** The keys of identity and phone numbers at rest (privacy/protection-keys.ts); default <DATA_DIR>/keys/personal-data.json. */
  PRIVACY_KEY_FILE: z.string().min(1).optional(),
});

/**
 * The assistant's callbot (config.assistant, issue 19 point 4): where "bấm phím 0" transfers the
 * call — the hotline operators' queue, as a tel: number or a SIP address of the switchboard.
 */
const AssistantEnvSchema = z.object({
  ASSISTANT_VOICE_TRANSFER_TO: z
    .string()
    .regex(/^(tel:\+?\d{3,15}|sip:[\w.+-]+@[\w.-]+)$/, { error: 'cần dạng tel:+84… hoặc sip:hang-cho@tong-dai' })
    .default('tel:+842553822222'),
});

export const ConfigSchema = AppEnvSchema.extend(PaymentsEnvSchema.shape)
  .extend(PrivacyEnvSchema.shape)
  .extend(AssistantEnvSchema.shape)
  .extend(VneidEnvSchema.shape)
  .extend(PortalSyncEnvSchema.shape)
  .extend(NotificationsEnvSchema.shape)
  .extend(SigningEnvSchema.shape)
  .extend(PostalEnvSchema.shape)
  .superRefine((e, ctx) => {
    const needs = (variable: string, vi: string, en: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message: `${vi} (${en})` });
    if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL)
      needs('MIGRATION_DATABASE_URL', 'cần DATABASE_URL của ứng dụng', 'needs DATABASE_URL');
    if (e.VNPAY_URL && !e.VNPAY_TMN_CODE) needs('VNPAY_TMN_CODE', 'bắt buộc khi cấu hình VNPAY_URL', 'required with VNPAY_URL');
    if (e.VNPAY_URL && !e.VNPAY_HASH_SECRET)
      needs('VNPAY_HASH_SECRET', 'bắt buộc khi cấu hình VNPAY_URL', 'required with VNPAY_URL');
    if (e.VNEID_ISSUER && !e.VNEID_CLIENT_ID)
      needs('VNEID_CLIENT_ID', 'bắt buộc khi cấu hình VNEID_ISSUER', 'required with VNEID_ISSUER');
    if (e.VNEID_ISSUER && !e.VNEID_CLIENT_SECRET)
      needs('VNEID_CLIENT_SECRET', 'bắt buộc khi cấu hình VNEID_ISSUER', 'required with VNEID_ISSUER');
    if (e.SIGNING_URL && !e.SIGNING_CLIENT_ID)
      needs('SIGNING_CLIENT_ID', 'bắt buộc khi cấu hình SIGNING_URL', 'required with SIGNING_URL');
    if (e.SIGNING_URL && !e.SIGNING_CLIENT_SECRET)
      needs('SIGNING_CLIENT_SECRET', 'bắt buộc khi cấu hình SIGNING_URL', 'required with SIGNING_URL');
    if (e.POSTAL_URL && !e.POSTAL_TOKEN) needs('POSTAL_TOKEN', 'bắt buộc khi cấu hình POSTAL_URL', 'required with POSTAL_URL');
    if (e.ZNS_URL && !e.ZNS_ACCESS_TOKEN) needs('ZNS_ACCESS_TOKEN', 'bắt buộc khi cấu hình ZNS_URL', 'required with ZNS_URL');
    if (e.SIGNING_BENCH_UNSIGNED_RESULTS === '1' && e.DVC_DEMO !== '1')
      needs(
        'SIGNING_BENCH_UNSIGNED_RESULTS',
        'chỉ dùng cho máy chủ đo hiệu năng ở chế độ demo (DVC_DEMO=1)',
        'bench baseline, demo mode only',
      );
    if (e.NODE_ENV === 'production' && e.PORTAL_SYNC_URL && !e.PORTAL_SYNC_SECRET)
      needs(
        'PORTAL_SYNC_SECRET',
        'bắt buộc khi cấu hình PORTAL_SYNC_URL ở môi trường production',
        'required with PORTAL_SYNC_URL in production',
      );
  });

type AppEnv = z.infer<typeof AppEnvSchema>;

/** The parsed values of one section's variables (those given or defaulted; parsed once, not again). */
function only<S extends z.ZodObject>(schema: S, parsed: Record<string, unknown>): z.infer<S> {
  return Object.fromEntries(Object.keys(schema.shape).flatMap((k) => (k in parsed ? [[k, parsed[k]]] : []))) as z.infer<S>;
}
type PaymentsEnv = z.infer<typeof PaymentsEnvSchema>;

export const SANDBOX_PAY_PATH = '/sandbox/vnpay/pay';
/** The built-in sandbox's terminal code (not a VNPay code). */
const SANDBOX_TMN_CODE = 'DVCQNG01';
const LOCAL_VNEID_CLIENT_ID = 'dvc-quangngai';
/** Known to everybody: only the local VNeID stand-in accepts it. */
const LOCAL_VNEID_CLIENT_SECRET = 'dvc-quangngai-dev-vneid-client-secret';
/** Known to everybody, so refused in production with a portal URL. */
const DEV_PORTAL_SYNC_SECRET = 'dvc-dev-portal-sync-secret';

export interface PaymentsConfig extends PaymentsEnv {
  /** 'sandbox' = the built-in gateway page of this app. */
  mode: 'sandbox' | 'vnpay';
  tmnCode: string;
  /** Absent in sandbox mode without VNPAY_HASH_SECRET: the data dir's (payments/sandbox-secret.ts). */
  hashSecret: string | undefined;
  /** Where the browser is sent to pay: absolute for VNPay, a path of this app for the sandbox. */
  payUrl: string;
}

export interface VneidConfig {
  /** Absent: the local stand-in (in demo mode). */
  issuer: string | undefined;
  clientId: string;
  clientSecret: string;
  redirectUri: string | undefined;
  scope: string;
  citizenIdClaim: string;
}

export interface PortalSyncConfig {
  /** Absent: the local receiver (resolved against the server's own address when sending). */
  url: string | undefined;
  secret: string;
  maxAttempts: number;
  timeoutMs: number;
}

export type NotificationConfig = z.infer<typeof NotificationsEnvSchema>;

export interface SigningConfig {
  /** 'local' = the built-in CSC stand-in and timestamp authority of this app. */
  mode: 'local' | 'remote';
  /** The CSC v2 base URL (remote mode). */
  url: string | undefined;
  /** Remote mode only; the local stand-in's client secret is kept in the data dir. */
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Absent: the local timestamp authority. */
  tsaUrl: string | undefined;
  authorizationSignatures: number;
  authorizationMinutes: number;
  timeoutMs: number;
  /** The signing bench's baseline: results issued unsigned (demo mode only). */
  unsignedResults: boolean;
}

/** devTools: demo mode is on (demo accounts, SMS outbox page, local VNeID). */
export type Config = AppEnv & {
  devTools: boolean;
  payments: PaymentsConfig;
  vneid: VneidConfig;
  portalSync: PortalSyncConfig;
  notifications: NotificationConfig;
  signing: SigningConfig;
  privacy: { requestDueDays: number; keyFile: string };
  assistant: { voiceTransferTo: string };
  postal: PostalConfig;
};

export type PostalConfig = z.infer<typeof PostalEnvSchema>;

/** Each line names the variable; zod says what is wrong with it. Values are not echoed (secrets). */
function describe(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || '(env)';
  if (issue.code === 'custom') return `  ${variable}: ${issue.message}`;
  return `  ${variable}: giá trị không hợp lệ (invalid value) — ${issue.message}`;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(describe);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.DVC_DEMO === '1')
    throw new Error(
      'DVC_DEMO=1 không được dùng cùng NODE_ENV=production: chế độ demo công khai mã OTP và tài khoản mẫu. ' +
        'Demo mode publishes one-time codes and demo logins; unset DVC_DEMO or NODE_ENV=production.',
    );
  return {
    ...only(AppEnvSchema, e),
    devTools: e.DVC_DEMO === '1',
    payments: paymentsSection(only(PaymentsEnvSchema, e)),
    vneid: {
      issuer: e.VNEID_ISSUER,
      clientId: e.VNEID_CLIENT_ID ?? LOCAL_VNEID_CLIENT_ID,
      clientSecret: e.VNEID_CLIENT_SECRET ?? LOCAL_VNEID_CLIENT_SECRET,
      redirectUri: e.VNEID_REDIRECT_URI,
      scope: e.VNEID_SCOPE,
      citizenIdClaim: e.VNEID_CITIZEN_ID_CLAIM,
    },
    portalSync: {
      url: e.PORTAL_SYNC_URL,
      secret: e.PORTAL_SYNC_SECRET ?? DEV_PORTAL_SYNC_SECRET,
      maxAttempts: e.PORTAL_SYNC_MAX_ATTEMPTS,
      timeoutMs: e.PORTAL_SYNC_TIMEOUT_MS,
    },
    notifications: only(NotificationsEnvSchema, e),
    privacy: {
      requestDueDays: e.PRIVACY_REQUEST_DUE_DAYS,
      keyFile: e.PRIVACY_KEY_FILE ?? `${e.DATA_DIR.replace(/\/+$/, '')}/keys/personal-data.json`,
    },
    assistant: { voiceTransferTo: e.ASSISTANT_VOICE_TRANSFER_TO },
    postal: only(PostalEnvSchema, e),
    signing: {
      mode: e.SIGNING_URL ? 'remote' : 'local',
      url: e.SIGNING_URL,
      clientId: e.SIGNING_CLIENT_ID,
      clientSecret: e.SIGNING_CLIENT_SECRET,
      tsaUrl: e.SIGNING_TSA_URL,
      authorizationSignatures: e.SIGNING_AUTHORIZATION_SIGNATURES,
      authorizationMinutes: e.SIGNING_AUTHORIZATION_MINUTES,
      timeoutMs: e.SIGNING_TIMEOUT_MS,
      unsignedResults: e.SIGNING_BENCH_UNSIGNED_RESULTS === '1',
    },
  };
}

function paymentsSection(e: PaymentsEnv): PaymentsConfig {
  if (e.VNPAY_URL && e.VNPAY_TMN_CODE)
    return { ...e, mode: 'vnpay', tmnCode: e.VNPAY_TMN_CODE, hashSecret: e.VNPAY_HASH_SECRET, payUrl: e.VNPAY_URL };
  return {
    ...e,
    mode: 'sandbox',
    tmnCode: e.VNPAY_TMN_CODE ?? SANDBOX_TMN_CODE,
    hashSecret: e.VNPAY_HASH_SECRET,
    payUrl: SANDBOX_PAY_PATH,
  };
}

/** For entry points (main.ts, the CLI): a bad environment stops the process with the message, no stack. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nMáy chủ không khởi động (the server does not start).\n`);
    process.exit(1);
  }
}

/** Demo tools are never served in production, whatever the config object says. */
export function demoToolsOn(config: Pick<Config, 'devTools' | 'NODE_ENV'>): boolean {
  return config.devTools && config.NODE_ENV !== 'production';
}
