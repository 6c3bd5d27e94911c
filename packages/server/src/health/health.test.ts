import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('health says ok and names the database engine', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 200);
  const expected = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
  assert.deepEqual(res.json(), { status: 'ok', database: expected });
});

test('an unknown API path is a Vietnamese problem+json 404', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
  assert.equal(res.statusCode, 404);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(res.json().title, 'Không tìm thấy');
});

test('the OpenAPI document lists the routes and the docs page is served', async () => {
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(doc.statusCode, 200);
  const body = doc.json();
  assert.match(body.openapi, /^3\./);
  assert.ok(body.paths['/api/health'], 'health route documented');
  const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(docs.statusCode, 200);
});

test('the OpenAPI document says the filing routes require an Idempotency-Key and may answer 409', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const filings = ['/api/v1/dossiers', '/api/v1/dossiers/counter', '/api/v1/dossiers/hotline', '/api/v1/dossier-groups'];
  for (const path of filings) {
    const post = doc.paths[path]?.post;
    assert.ok(post, `${path} is documented`);
    const key = post.parameters?.find((p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key');
    assert.equal(key?.required, true, `${path}: Idempotency-Key is required`);
    assert.match(key.description ?? '', /Idempotent-Replayed/, `${path}: the replay is described`);
    assert.ok(post.responses['201'], `${path}: 201 documented`);
    assert.ok(post.responses['409'], `${path}: 409 (a retry while the first is in flight) documented`);
    assert.ok(post.responses['422'], `${path}: 422 (the key reused for another body) documented`);
  }
});
