import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { SESSION_MAX_MS } from './identity.service';
import { signIn } from './identity.test-helpers';

let t: TestApp;
const start = new Date('2026-03-02T01:00:00Z');
before(async () => {
  t = await createTestApp({ now: start });
});
after(() => t.close());

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

test('a session in daily use ends exactly 7 days after sign-in, not one request later', async () => {
  const s = await signIn(t.app, '0905000001', DEMO_PASSWORD);
  const at = (ms: number) => new Date(start.getTime() + ms);
  // Used every 11 hours, so it never idles out: only the 7-day limit can end it.
  for (let ms = 11 * 3_600_000; ms < SESSION_MAX_MS; ms += 11 * 3_600_000) {
    t.setNow(at(ms));
    assert.equal((await me(s.cookie)).statusCode, 200, `still signed in after ${ms / 3_600_000} h`);
  }
  t.setNow(at(SESSION_MAX_MS - 1_000));
  assert.equal((await me(s.cookie)).statusCode, 200, 'one second before the limit');
  t.setNow(at(SESSION_MAX_MS));
  const ended = await me(s.cookie);
  assert.equal(ended.statusCode, 401, 'at 7 days the session has ended');
  t.setNow(at(SESSION_MAX_MS + 30_000));
  assert.equal((await me(s.cookie)).statusCode, 401, 'and stays ended');
});
