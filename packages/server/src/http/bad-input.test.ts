import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type AddressInfo, connect } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { act, fileOnline, householdRegistration, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

/** Requests no route can store or mean: refused at the edge as 400 problem+json, nothing written. */
let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let ip = 0;
before(async () => {
  t = await createTestApp();
  citizen = await login(t.app, 'citizen');
  receiver = await login(t.app, 'receiver');
});
after(() => t.close());

async function counts() {
  const r = await sql<{ accounts: number; dossiers: number; events: number; numbers: number }>`
    select (select count(*)::int from user_account) as accounts, (select count(*)::int from dossier) as dossiers,
      (select count(*)::int from dossier_event) as events,
      (select coalesce(sum(last_value), 0)::int from dossier_code_sequence) as numbers`.execute(t.ctx.db);
  return r.rows[0]!;
}

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

function assertProblem(res: Response, status: number, title: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, status);
  assert.match(body.title, title);
  return body as { errors?: Array<{ field: string; message: string }> };
}

function register(payload: string) {
  ip += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload,
    headers: { 'content-type': 'application/json' },
    remoteAddress: `10.7.0.${ip}`,
  });
}

test('a NUL byte or a lone surrogate in a text field is a 400 naming the field, and no account is made', async () => {
  const before = await counts();
  for (const fullName of ['Lê Văn\u0000 Tám', 'Lê Văn \ud800Tám', 'Lê Văn \udc00']) {
    const body = assertProblem(
      await register(JSON.stringify({ phone: '0905111333', password: 'MatKhau2026', fullName })),
      400,
      /ký tự không hợp lệ/,
    );
    assert.deepEqual(
      body.errors?.map((e) => e.field),
      ['body.fullName'],
    );
  }
  assert.deepEqual(await counts(), before);
});

test('a filing with a NUL byte or 5,000 levels of nesting inside its form writes nothing and uses no number', async () => {
  const before = await counts();
  const withNul = householdRegistration();
  (withNul.form as Record<string, unknown>).businessName = 'Bánh xèo\u0000';
  const nul = await post(t.app, citizen, '/api/v1/dossiers', withNul, randomUUID());
  assert.deepEqual(assertProblem(nul, 400, /ký tự không hợp lệ/).errors?.[0]?.field, 'body.form.businessName');

  const form = JSON.stringify(householdRegistration()).replace(
    '"capital":',
    `"extra":${'['.repeat(5000)}${']'.repeat(5000)},"capital":`,
  );
  const deep = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: form,
    headers: {
      'content-type': 'application/json',
      cookie: citizen.cookie,
      'x-csrf-token': citizen.csrfToken,
      'idempotency-key': randomUUID(),
    },
  });
  assert.match(assertProblem(deep, 400, /lồng nhau quá sâu/).errors?.[0]?.field ?? '', /^body\.form\.extra/);
  assert.deepEqual(await counts(), before);
});

test('a NUL byte in a query or a path is a 400, not a database error', async () => {
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin-units?q=%00' }), 400, /ký tự không hợp lệ/);
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/procedures?q=b%C3%A1nh%00' }), 400, /ký tự không hợp lệ/);
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.0016%0012' }), 400, /ký tự không hợp lệ/);
  // A percent-escape that is not UTF-8 (an encoded surrogate) cannot mean any text either.
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/procedures?q=%ED%A0%80' }), 400, /ký tự không hợp lệ/);
});

test('assigning a dossier to an id that is not an account id is a 422 naming the field, and records no event', async () => {
  const filed = await fileOnline(t.app, citizen);
  assert.equal((await act(t.app, receiver, filed.code, { type: 'receive' })).statusCode, 200);
  const before = await counts();
  const res = await act(t.app, receiver, filed.code, { type: 'assign', specialistId: 'cv-1' });
  const body = assertProblem(res, 422, /Mã tài khoản không hợp lệ/);
  assert.deepEqual(
    body.errors?.map((e) => e.field),
    ['body.specialistId'],
  );
  assert.deepEqual(await counts(), before);
});

test("Fastify's own refusals are problem+json with a Vietnamese title", async () => {
  assertProblem(await t.app.inject({ method: 'GET', url: '/api/v1/procedures/%E0%A4%A' }), 400, /Địa chỉ yêu cầu không hợp lệ/);
  assertProblem(await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${'9'.repeat(150)}` }), 414, /quá dài/);
  assertProblem(await t.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${'a'.repeat(9000)}` }), 414, /quá dài/);
  const utf16 = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: '{}',
    headers: { 'content-type': 'application/json; charset=utf-16' },
  });
  assertProblem(utf16, 415, /không được hỗ trợ/);
});

/** Sends raw bytes over a real connection and returns the status line, content type and body. */
async function rawRequest(port: number, bytes: string) {
  const socket = connect({ host: '127.0.0.1', port });
  socket.write(bytes);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '', body: JSON.parse(body) };
}

test("requests Node's HTTP parser refuses are answered as problem+json too", async () => {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const badHeader = await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\nKhông có dấu hai chấm\r\n\r\n');
  assert.equal(badHeader.status, 400);
  assert.match(badHeader.type, /^application\/problem\+json/);
  assert.match(badHeader.body.title, /không đúng giao thức/);
  const longUrl = await rawRequest(port, `GET /api/v1/procedures?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  assert.equal(longUrl.status, 431);
  assert.match(longUrl.type, /^application\/problem\+json/);
  assert.match(longUrl.body.title, /quá dài/);
});
