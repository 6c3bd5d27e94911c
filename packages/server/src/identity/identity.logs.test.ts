import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { AppContext } from '../http/context';
import { seed } from '../seed';
import { createTestDatabase } from '../test/harness';
import { latestCode } from './identity.test-helpers';

function leaves(value: unknown): unknown[] {
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [value];
}

test('neither a password nor a one-time code ever reaches the log, even at trace level', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const handle = await createTestDatabase();
  const ctx: AppContext = {
    db: handle.db,
    databaseKind: handle.kind,
    config: loadConfig({ NODE_ENV: 'test', DVC_DEMO: '1' }),
    now: () => new Date(),
  };
  await seed(ctx, { demo: false });
  const app = await buildApp({ ctx, logger: { level: 'trace', stream } });
  try {
    const phone = '0398765432';
    const password = 'BiMat-Rat-Dai-7319';
    const wrongPassword = 'Sai-MatKhau-8642';
    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload, headers });

    assert.equal((await post('/api/v1/auth/register', { phone, password: 'ngan1', fullName: 'Thử Nghiệm' })).statusCode, 400);
    assert.equal((await post('/api/v1/auth/register', { phone, password, fullName: 'Thử Nghiệm' })).statusCode, 201);
    const code = await latestCode(app, phone);
    const wrongCode = code === '999999' ? '888888' : '999999';
    assert.equal((await post('/api/v1/auth/verify-phone', { phone, code: wrongCode })).statusCode, 400);
    assert.equal((await post('/api/v1/auth/verify-phone', { phone, code })).statusCode, 200);
    assert.equal((await post('/api/v1/auth/login', { phone, password: wrongPassword })).statusCode, 401);
    const login = await post('/api/v1/auth/login', { phone, password });
    assert.equal(login.statusCode, 200);
    const cookie = login.cookies.find((c) => c.name === 'dvc_session');
    assert.ok(cookie);
    const csrf = login.json().csrfToken as string;
    assert.equal(
      (await post('/api/v1/auth/logout', {}, { cookie: `dvc_session=${cookie.value}`, 'x-csrf-token': csrf })).statusCode,
      204,
    );

    const log = lines.join('');
    assert.match(log, /\/api\/v1\/auth\/login/, 'the requests were logged');
    assert.ok(lines.length >= 16, `expected request logs, got ${lines.length} lines`);
    // Compare field by field: a 6-digit code can occur by chance inside a timestamp or a duration.
    const values = lines.flatMap((l) => leaves(JSON.parse(l)));
    for (const secret of [password, wrongPassword, 'ngan1', code, wrongCode, cookie.value, csrf]) {
      const leaked = values.some((v) => (typeof v === 'string' ? v.includes(secret) : String(v) === secret));
      assert.equal(leaked, false, `the log contains a secret (${secret.length} characters)`);
    }
  } finally {
    await app.close();
    await handle.close();
  }
});
