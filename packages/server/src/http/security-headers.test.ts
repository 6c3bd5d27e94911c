import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('security headers in development and tests', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
  });
  after(() => t.close());

  test('every answer, refusals included, forbids inline script, framing and foreign Referers', async () => {
    for (const url of ['/api/health', '/api/v1/khong-co', '/api/v1/procedures?q=%00', '/api/docs']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = directives(String(res.headers['content-security-policy'] ?? ''));
      assert.equal(csp.get('script-src'), "'self'", `${url}: ${res.headers['content-security-policy']}`);
      assert.equal(csp.get('script-src-attr'), "'none'");
      assert.equal(csp.get('object-src'), "'none'");
      assert.equal(csp.get('frame-ancestors'), "'none'");
      assert.match(csp.get('img-src') ?? '', /blob:/, 'photos are previewed from blobs');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['referrer-policy'], 'same-origin');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['permissions-policy']), /camera=\(self\)/);
      assert.match(String(res.headers['permissions-policy']), /geolocation=\(\)/);
      assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on plain-http development');
      assert.ok(!csp.has('upgrade-insecure-requests'));
    }
  });
});

describe('security headers in production', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false, config: { NODE_ENV: 'production' } });
  });
  after(() => t.close());

  test('HSTS for a year and upgrade-insecure-requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000; includeSubDomains/);
    assert.ok(directives(String(res.headers['content-security-policy'])).has('upgrade-insecure-requests'));
  });
});
