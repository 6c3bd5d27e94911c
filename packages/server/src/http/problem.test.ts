import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let ip = 0;
before(async () => {
  t = await createTestApp({ demo: false });
});
after(() => t.close());

async function accounts(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from user_account`.execute(t.ctx.db);
  return r.rows[0]!.n;
}

function register(payload: string, contentType = 'application/json') {
  ip += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload,
    headers: { 'content-type': contentType },
    remoteAddress: `10.9.0.${ip}`,
  });
}

function assertProblem(res: Awaited<ReturnType<typeof register>>, status: number, title: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, status);
  assert.match(body.title, title);
  assert.match(body.type, /^https:\/\//);
  return body;
}

test('a malformed JSON body is a clear 400 and writes nothing', async () => {
  const before = await accounts();
  assertProblem(await register('{"phone": "0905111222", '), 400, /không đúng định dạng JSON/);
  assert.equal(await accounts(), before);
});

test('each bad field is listed by name, in Vietnamese, and nothing is written', async () => {
  const before = await accounts();
  const body = assertProblem(
    await register(JSON.stringify({ phone: '12345', password: 'short', fullName: 'A' })),
    400,
    /không hợp lệ/,
  );
  const fields = [...new Set(body.errors.map((e: { field: string }) => e.field))].sort();
  assert.deepEqual(fields, ['body.fullName', 'body.password', 'body.phone']);
  for (const e of body.errors) assert.match(e.message, /[ạảãáàâăđêôơưốộ]/i, `Vietnamese message: ${e.message}`);
  assert.equal(await accounts(), before);
});

test('an unknown field is refused rather than silently dropped', async () => {
  const before = await accounts();
  const body = assertProblem(
    await register(
      JSON.stringify({ phone: '0905111222', password: 'MatKhau2026', fullName: 'Lê Văn Tám', role: 'system_admin' }),
    ),
    400,
    /không hợp lệ/,
  );
  assert.ok(
    body.errors.some((e: { message: string }) => /role/.test(e.message)),
    JSON.stringify(body.errors),
  );
  assert.equal(await accounts(), before);
});

test('an oversized request is a 413 and writes nothing', async () => {
  const before = await accounts();
  const huge = JSON.stringify({ phone: '0905111222', password: 'MatKhau2026', fullName: 'x'.repeat(2 * 1024 * 1024) });
  assertProblem(await register(huge), 413, /quá lớn/);
  assert.equal(await accounts(), before);
});

test('a body of an unsupported media type is a 415', async () => {
  assertProblem(await register('phone=0905111222', 'text/plain'), 415, /không được hỗ trợ/);
});
