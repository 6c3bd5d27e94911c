import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../config';
import { DEMO_MODE_FILE, resolveDemoMode } from '../dev/demo-mode';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { signIn } from './identity.test-helpers';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const outbox = (remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/api/dev/sms-outbox', remoteAddress, headers });
const devVneid = (remoteAddress: string) =>
  t.app.inject({ method: 'GET', url: '/dev-vneid/.well-known/openid-configuration', remoteAddress });

test('without DVC_DEMO the dev tools are off, even outside production', async () => {
  for (const NODE_ENV of ['development', 'test', 'production']) assert.equal(loadConfig({ NODE_ENV }).devTools, false, NODE_ENV);
  assert.equal(loadConfig({ NODE_ENV: 'development', DVC_DEMO: '1' }).devTools, true);
  const plain = await createTestApp({ demo: false, config: { devTools: loadConfig({ NODE_ENV: 'development' }).devTools } });
  try {
    assert.equal((await plain.app.inject({ method: 'GET', url: '/api/dev/sms-outbox' })).statusCode, 404);
    assert.equal(
      (await plain.app.inject({ method: 'GET', url: '/dev-vneid/.well-known/openid-configuration' })).statusCode,
      404,
      'no test VNeID to sign in as the demo citizen',
    );
  } finally {
    await plain.close();
  }
});

test('demo mode refuses to start with NODE_ENV=production, saying why', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', DVC_DEMO: '1' }),
    /DVC_DEMO=1 không được dùng cùng NODE_ENV=production/,
  );
});

test('a production app never serves the dev tools, whatever its config object says', async () => {
  const prod = await createTestApp({ demo: false, config: { NODE_ENV: 'production', devTools: true } });
  try {
    assert.equal((await prod.app.inject({ method: 'GET', url: '/api/dev/sms-outbox' })).statusCode, 404);
  } finally {
    await prod.close();
  }
});

test('in demo mode the SMS outbox and the test VNeID answer only this machine', async () => {
  assert.equal((await outbox('127.0.0.1')).statusCode, 200);
  assert.equal((await outbox('::1')).statusCode, 200);
  assert.equal((await devVneid('127.0.0.1')).statusCode, 200);
  const stranger = await outbox('203.0.113.7');
  assert.equal(stranger.statusCode, 404);
  assert.equal(stranger.json().title, 'Không tìm thấy');
  assert.equal(
    (await outbox('203.0.113.7', { 'x-forwarded-for': '127.0.0.1' })).statusCode,
    404,
    'a forged header does not help',
  );
  assert.equal((await devVneid('203.0.113.7')).statusCode, 404);
  const start = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/vneid/start', remoteAddress });
  assert.equal((await start('203.0.113.7')).statusCode, 404, 'no sign-in with the test VNeID from elsewhere');
});

test('in demo mode a signed-in system administrator may read the outbox from anywhere; a citizen may not', async () => {
  const admin = await signIn(t.app, '0905000099', DEMO_PASSWORD);
  assert.equal((await outbox('203.0.113.8', { cookie: admin.cookie })).statusCode, 200);
  const citizen = await signIn(t.app, '0905000001', DEMO_PASSWORD);
  assert.equal((await outbox('203.0.113.9', { cookie: citizen.cookie })).statusCode, 404);
});

test('npm start: a fresh data dir becomes a demo and remembers it; DVC_DEMO decides and is remembered', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-demo-'));
  try {
    const base = loadConfig({ NODE_ENV: 'development', DATA_DIR: join(dir, 'data') });
    const first = resolveDemoMode(base);
    assert.equal(first.config.devTools, true);
    assert.match(first.line, /BẬT/);
    assert.equal(readFileSync(join(dir, 'data', DEMO_MODE_FILE), 'utf8').trim(), '1');
    assert.equal(resolveDemoMode(base).config.devTools, true, 'the same data dir stays a demo');

    const off = resolveDemoMode(loadConfig({ NODE_ENV: 'development', DATA_DIR: join(dir, 'data'), DVC_DEMO: '0' }));
    assert.equal(off.config.devTools, false);
    assert.equal(resolveDemoMode(base).config.devTools, false, 'the explicit choice is remembered');

    const onAgain = loadConfig({ NODE_ENV: 'development', DATA_DIR: join(dir, 'data'), DVC_DEMO: '1' });
    assert.equal(resolveDemoMode(onAgain).config.devTools, true);
    const prod = resolveDemoMode(loadConfig({ NODE_ENV: 'production', DATA_DIR: join(dir, 'data') }));
    assert.equal(prod.config.devTools, false, 'a remembered demo is ignored in production');
    assert.match(prod.line, /NODE_ENV=production/);

    const postgres = resolveDemoMode(
      loadConfig({ NODE_ENV: 'development', DATA_DIR: join(dir, 'pg'), DATABASE_URL: 'postgres://u@127.0.0.1:1/x' }),
    );
    assert.equal(postgres.config.devTools, false, 'a PostgreSQL server is a demo only when told so');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('behind a proxy on this machine (TRUST_PROXY) the demo tools answer by the client the proxy names', async () => {
  const proxied = await createTestApp({ config: { TRUST_PROXY: ['127.0.0.1'] } });
  try {
    // Every request reaches the server from the proxy's 127.0.0.1; the visitor is in X-Forwarded-For.
    const via = (url: string, client: string) =>
      proxied.app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
    assert.equal((await via('/api/dev/sms-outbox', '203.0.113.5')).statusCode, 404, 'an internet visitor reads no codes');
    assert.equal((await via('/dev-vneid/.well-known/openid-configuration', '203.0.113.5')).statusCode, 404);
    assert.equal((await via('/api/v1/auth/vneid/start', '203.0.113.5')).statusCode, 404);
    assert.equal((await via('/api/dev/sms-outbox', '127.0.0.1')).statusCode, 200, 'a browser on this machine still does');
  } finally {
    await proxied.close();
  }
});
