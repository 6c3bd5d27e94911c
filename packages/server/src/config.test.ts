import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config';

const here = dirname(fileURLToPath(import.meta.url));

/** The message loadConfig stops with, or a failure when it does not stop. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

test('a bad value in any section stops the start with a message naming the variable, in Vietnamese and English', () => {
  const bad: Record<string, string>[] = [
    { PORT: 'eighty' },
    { PROVINCE_CODE: '5' },
    { VNPAY_TMN_CODE: 'short' },
    { VNPAY_EXPIRE_MINUTES: '2' },
    { VIETQR_BIN: 'abc' },
    { VNEID_ISSUER: 'not a url' },
    { VNEID_CLIENT_ID: '' },
    { PORTAL_SYNC_MAX_ATTEMPTS: '0' },
    { PORTAL_SYNC_SECRET: 'too-short' },
    { SMTP_URL: 'smtp at nowhere' },
    { SMPP_URL: 'http://smsc.example.vn:2775' },
    { SMS_ENCODING: 'utf8' },
  ];
  for (const env of bad) {
    const [variable] = Object.keys(env);
    const message = refusal(env);
    assert.match(message, /^Cấu hình không hợp lệ \(invalid configuration\):/, variable);
    assert.match(message, new RegExp(`\\n  ${variable}: giá trị không hợp lệ \\(invalid value\\)`), variable);
  }
});

test('every bad variable is named at once, and a secret value is not echoed', () => {
  const message = refusal({ VNPAY_HASH_SECRET: 'SECRET-123', VNEID_REDIRECT_URI: 'nowhere', PORT: '0' });
  for (const variable of ['VNPAY_HASH_SECRET', 'VNEID_REDIRECT_URI', 'PORT'])
    assert.match(message, new RegExp(`  ${variable}: `));
  assert.doesNotMatch(message, /SECRET-123/);
});

test('settings that need another say which one is missing', () => {
  assert.match(
    refusal({ VNPAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' }),
    /VNPAY_TMN_CODE: bắt buộc khi cấu hình VNPAY_URL \(required with VNPAY_URL\)/,
  );
  assert.match(
    refusal({ VNPAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html', VNPAY_TMN_CODE: 'ABCD1234' }),
    /VNPAY_HASH_SECRET: bắt buộc/,
  );
  assert.match(
    refusal({ VNEID_ISSUER: 'https://vneid.example.gov.vn', VNEID_CLIENT_ID: 'dvc' }),
    /VNEID_CLIENT_SECRET: bắt buộc khi cấu hình VNEID_ISSUER/,
  );
  assert.match(
    refusal({ NODE_ENV: 'production', PORTAL_SYNC_URL: 'https://portal.example.gov.vn/sync' }),
    /PORTAL_SYNC_SECRET: bắt buộc .* \(required with PORTAL_SYNC_URL in production\)/,
  );
  assert.match(
    refusal({ MIGRATION_DATABASE_URL: 'postgres://owner@127.0.0.1:5432/dvc' }),
    /MIGRATION_DATABASE_URL: cần DATABASE_URL/,
  );
  assert.match(refusal({ ZNS_URL: 'https://business.openapi.zalo.me' }), /ZNS_ACCESS_TOKEN: bắt buộc khi cấu hình ZNS_URL/);
  assert.equal(loadConfig({ SMPP_URL: 'smpp://smsc.example.vn:2775' }).notifications.SMPP_URL, 'smpp://smsc.example.vn:2775');
  assert.equal(loadConfig({ SMPP_URL: 'ssmpp://smsc.example.vn:3550' }).notifications.SMPP_URL, 'ssmpp://smsc.example.vn:3550');
  // Outside production the portal's development secret is still allowed (a staging portal).
  assert.equal(
    loadConfig({ PORTAL_SYNC_URL: 'https://portal.example.gov.vn/sync' }).portalSync.url,
    'https://portal.example.gov.vn/sync',
  );
});

test('with nothing set, every section has the defaults it always had', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 3000);
  assert.equal(c.HOST, '127.0.0.1');
  assert.equal(c.PROVINCE_CODE, '51');
  assert.equal(c.devTools, false);
  assert.deepEqual(c.payments, {
    VNPAY_EXPIRE_MINUTES: 15,
    VIETQR_BIN: '970415',
    VIETQR_ACCOUNT: '0000000000051',
    VIETQR_ACCOUNT_NAME: 'TAI KHOAN THU PHI (DEMO)',
    FEE_COLLECTOR_TAX_CODE: '4300000000',
    FEE_RECEIPT_TEMPLATE: '01BLP0-001',
    FEE_RECEIPT_SERIES: 'QN-26E',
    mode: 'sandbox',
    tmnCode: 'DVCQNG01',
    hashSecret: undefined,
    payUrl: '/sandbox/vnpay/pay',
  });
  assert.deepEqual(c.vneid, {
    issuer: undefined,
    clientId: 'dvc-quangngai',
    clientSecret: 'dvc-quangngai-dev-vneid-client-secret',
    redirectUri: undefined,
    scope: 'openid profile phone citizen',
    citizenIdClaim: 'citizen_id',
  });
  assert.deepEqual(c.portalSync, { url: undefined, secret: 'dvc-dev-portal-sync-secret', maxAttempts: 8, timeoutMs: 10_000 });
  assert.deepEqual(c.notifications, {
    MAIL_FROM: '"Dịch vụ công Quảng Ngãi" <no-reply@dichvucong.quangngai.gov.vn>',
    VAPID_SUBJECT: 'mailto:no-reply@dichvucong.quangngai.gov.vn',
    SMPP_SYSTEM_ID: 'dvc',
    SMPP_PASSWORD: 'dvc',
    SMPP_SOURCE_ADDR: 'DVC.QNgai',
    SMS_ENCODING: 'ucs2',
    SMS_MAX_PER_SECOND: 30,
    SMS_RETRY_BASE_MS: 5000,
    SMS_MAX_ATTEMPTS: 8,
    SMSC_STAND_IN_PORT: 0,
    ZNS_TEMPLATE_ID: 'dvc-dossier-status',
    ZNS_TIMEOUT_MS: 5000,
  });
});

test('given values reach their sections: a real VNPay gateway, VNeID and portal', () => {
  const c = loadConfig({
    VNPAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
    VNPAY_TMN_CODE: 'ABCD1234',
    VNPAY_HASH_SECRET: '0123456789ABCDEF0123',
    VNEID_ISSUER: 'https://vneid.example.gov.vn',
    VNEID_CLIENT_ID: 'dvc',
    VNEID_CLIENT_SECRET: 's',
    PORTAL_SYNC_MAX_ATTEMPTS: '3',
    SMTP_URL: 'smtp://127.0.0.1:2525',
  });
  assert.equal(c.payments.mode, 'vnpay');
  assert.equal(c.payments.payUrl, 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html');
  assert.equal(c.payments.hashSecret, '0123456789ABCDEF0123');
  assert.deepEqual([c.vneid.issuer, c.vneid.clientId], ['https://vneid.example.gov.vn', 'dvc']);
  assert.equal(c.portalSync.maxAttempts, 3);
  assert.equal(c.notifications.SMTP_URL, 'smtp://127.0.0.1:2525');
});

test('the server stops at once on a bad value, printing the message without a stack trace', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'main.ts')], {
    env: { PATH: process.env.PATH, VNPAY_TMN_CODE: 'short', PORTAL_SYNC_TIMEOUT_MS: 'soon' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /Cấu hình không hợp lệ \(invalid configuration\)/);
  assert.match(run.stderr, /VNPAY_TMN_CODE: /);
  assert.match(run.stderr, /PORTAL_SYNC_TIMEOUT_MS: /);
  assert.match(run.stderr, /Máy chủ không khởi động \(the server does not start\)/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});
