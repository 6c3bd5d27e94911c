import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { login } from '../dossiers/dossiers.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { sha256 } from './secrets';
import { SESSION_CACHE_MS } from './session-cache';

// A citizen's session is remembered for a moment (session-cache.ts): what ends a session or changes
// an account must still apply to the very next request, whichever server (connection) made it.
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const tokenOf = (cookie: string) => cookie.replace(/^dvc_session=/, '');

/** Waits until `check` holds, polled every 10 ms; fails after `withinMs`. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<void> {
  const started = performance.now();
  for (;;) {
    if (await check()) return;
    if (performance.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a citizen’s session remembered for a moment', () => {
  test('signing out refuses the session at once, though it was answered a moment before', async () => {
    const citizen = await login(t.app, 'citizen');
    for (const _ of [1, 2, 3]) assert.equal((await me(citizen.cookie)).statusCode, 200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
    });
    assert.equal(out.statusCode, 204);
    assert.equal((await me(citizen.cookie)).statusCode, 401);
  });

  test('a session ended by another server (a delete of its row) is refused at once', async () => {
    const citizen = await login(t.app, 'citizen');
    for (const _ of [1, 2, 3]) assert.equal((await me(citizen.cookie)).statusCode, 200);
    await sql`delete from session where id = ${sha256(tokenOf(citizen.cookie))}`.execute(t.ctx.db);
    await within(SESSION_CACHE_MS / 4, async () => (await me(citizen.cookie)).statusCode === 401);
  });

  test('an account changed by another server is read again at once', async () => {
    const citizen = await login(t.app, 'citizen');
    const before = (await me(citizen.cookie)).json().user;
    assert.equal((await me(citizen.cookie)).json().user.fullName, before.fullName);
    await sql`update user_account set full_name = 'Trần Thị Đổi Tên' where id = ${before.id}`.execute(t.ctx.db);
    await within(SESSION_CACHE_MS / 4, async () => (await me(citizen.cookie)).json().user.fullName === 'Trần Thị Đổi Tên');
    await sql`update user_account set full_name = ${before.fullName} where id = ${before.id}`.execute(t.ctx.db);
  });

  test('a session whose time ran out on the app’s clock is refused', async () => {
    const citizen = await login(t.app, 'citizen');
    assert.equal((await me(citizen.cookie)).statusCode, 200);
    t.setNow(new Date(Date.now() + 8 * 24 * 3_600_000));
    try {
      assert.equal((await me(citizen.cookie)).statusCode, 401);
    } finally {
      t.setNow(new Date());
    }
  });
});
