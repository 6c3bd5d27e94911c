import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../config';
import { createTestApp, type TestApp } from '../test/harness';

/** The address the audit log recorded for a sign-out sent from `remoteAddress` with `forwardedFor`. */
async function auditedIp(t: TestApp, remoteAddress: string, forwardedFor?: string): Promise<string | null> {
  const marker = `trust-proxy-${randomUUID()}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    remoteAddress,
    headers: { 'user-agent': marker, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
  });
  assert.equal(res.statusCode, 204, res.body);
  const r = await sql<{ ip: string | null }>`select ip from audit_log where user_agent = ${marker}`.execute(t.ctx.db);
  assert.equal(r.rows.length, 1);
  return r.rows[0]!.ip;
}

function wrongLogin(t: TestApp, remoteAddress: string, forwardedFor: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { phone: '0905999888', password: 'SaiMatKhau1' },
  });
}

describe('with the default configuration no proxy is trusted', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
  });
  after(() => t.close());

  test('X-Forwarded-For does not change the address in the audit log', async () => {
    assert.equal(await auditedIp(t, '10.1.1.1', '203.0.113.7'), '10.1.1.1');
  });

  test('rotating X-Forwarded-For does not get around the per-address sign-in limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await wrongLogin(t, '10.1.1.2', `198.51.100.${i + 1}`)).statusCode);
    assert.ok(
      statuses.slice(10).every((s) => s === 429),
      `statuses: ${statuses.join(',')}`,
    );
  });
});

describe('with TRUST_PROXY=127.0.0.1', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false, config: { TRUST_PROXY: ['127.0.0.1'] } });
  });
  after(() => t.close());

  test('the client address forwarded by that proxy is the one audited', async () => {
    assert.equal(await auditedIp(t, '127.0.0.1', '203.0.113.7'), '203.0.113.7');
  });

  test('the header from any other address is still ignored', async () => {
    assert.equal(await auditedIp(t, '10.1.1.3', '203.0.113.8'), '10.1.1.3');
  });

  test('each forwarded client has its own sign-in limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await wrongLogin(t, '127.0.0.1', `198.51.100.${i + 1}`)).statusCode);
    assert.ok(!statuses.includes(429), `statuses: ${statuses.join(',')}`);
  });
});

test('TRUST_PROXY is a comma-separated list of addresses and CIDRs, empty by default', () => {
  assert.deepEqual(loadConfig({}).TRUST_PROXY, []);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).TRUST_PROXY, [
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
    'fd00::/8',
  ]);
  for (const bad of ['true', 'proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '300.1.1.1']) {
    assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY/, bad);
  }
});
