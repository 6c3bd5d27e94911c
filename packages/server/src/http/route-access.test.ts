import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import { login } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { routeAccessPlugin } from './route-access';

let t: TestApp;
let citizen: SignedIn;
let desk: SignedIn;

before(async () => {
  t = await createTestApp();
  citizen = await login(t.app, 'citizen');
  desk = await login(t.app, 'receiver');
});
after(() => t.close());

const withSession = (who: SignedIn) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken });

test('an anonymous filing is asked to sign in, and is not shown the form’s fields', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: { procedureCode: 42 },
    headers: { 'idempotency-key': randomUUID() },
  });
  assert.equal(res.statusCode, 401);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.title, 'Vui lòng đăng nhập để tiếp tục');
  assert.equal(body.errors, undefined);
});

test('without a session, a body that is not even JSON is answered 401 (the session comes first)', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers/counter',
    payload: '{"applicant":',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().title, 'Vui lòng đăng nhập để tiếp tục');
});

test('a citizen on a desk route and an officer on a citizen route get 403 whatever the body', async () => {
  const counter = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers/counter',
    payload: {},
    headers: withSession(citizen),
  });
  assert.equal(counter.statusCode, 403);
  assert.equal(counter.json().errors, undefined);
  const filing = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: {},
    headers: { ...withSession(desk), 'idempotency-key': randomUUID() },
  });
  assert.equal(filing.statusCode, 403);
  assert.equal(filing.json().title, 'Chức năng này dành cho công dân');
});

test('with the right kind of session the body is still checked', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: { procedureCode: 42 },
    headers: { ...withSession(citizen), 'idempotency-key': randomUUID() },
  });
  assert.equal(res.statusCode, 400);
  assert.ok(res.json().errors.some((e: { field: string }) => e.field === 'body.procedureCode'));
});

test('an app with a route that has no access rule does not start', async () => {
  const app = Fastify();
  await app.register(routeAccessPlugin);
  const start = async () => {
    await app.register(async (capability) => {
      capability.get('/api/v1/not-in-the-table', async () => ({ secret: true }));
    });
    await app.ready();
  };
  await assert.rejects(start, /GET \/api\/v1\/not-in-the-table has no access rule/);
});
