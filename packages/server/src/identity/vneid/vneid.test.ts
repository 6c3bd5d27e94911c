import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../identity.seed';
import { createVneidTestApp, FetchBrowser, parseForm, type VneidTestApp, vneidLoginByHttp } from './vneid.test-helpers';
import { TEST_IDENTITIES } from './vneid-stand-in';

let t: VneidTestApp;
before(async () => {
  t = await createVneidTestApp();
});
after(() => t.close());

const [newcomer, demoCitizen] = TEST_IDENTITIES;

async function me(browser: FetchBrowser) {
  const res = await browser.request('/api/v1/auth/me');
  return { status: res.status, body: res.status === 200 ? await res.json() : undefined };
}

describe('Đăng nhập bằng VNeID (authorization code + PKCE, local provider, HTTP only)', () => {
  let firstUserId: string;

  test('a person new to the portal signs in and gets a verified citizen account', async () => {
    const browser = new FetchBrowser(t.base);
    const start = await browser.request('/api/v1/auth/vneid/start');
    assert.equal(start.status, 302);
    const auth = new URL(start.headers.get('location') ?? '');
    assert.equal(auth.origin + auth.pathname, `${t.base}/dev-vneid/auth`);
    assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(auth.searchParams.get('code_challenge'));
    assert.ok(auth.searchParams.get('state'));
    assert.ok(auth.searchParams.get('nonce'));
    browser.cookies.clear();

    const end = await vneidLoginByHttp(browser, newcomer.citizen_id);
    assert.equal(end.res.status, 302, await end.res.text());
    assert.equal(end.res.headers.get('location'), '/ho-so');
    const who = await me(browser);
    assert.equal(who.status, 200);
    assert.equal(who.body.user.kind, 'citizen');
    assert.equal(who.body.user.fullName, newcomer.name);
    assert.equal(who.body.user.phone, '0977000123', 'the +84 form is stored as 0…');
    firstUserId = who.body.user.id;
    const account = await t.ctx.db.selectFrom('userAccount').selectAll().where('id', '=', firstUserId).executeTakeFirstOrThrow();
    assert.equal(account.citizenId, newcomer.citizen_id);
    assert.ok(account.phoneVerifiedAt);
  });

  test('the identity VNeID verified (birth date, sex, residence) is kept for the filing form', async () => {
    const browser = new FetchBrowser(t.base);
    await vneidLoginByHttp(browser, newcomer.citizen_id);
    const res = await browser.request('/api/v1/auth/verified-identity');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      verified: true,
      identity: {
        citizenId: newcomer.citizen_id,
        fullName: newcomer.name,
        birthDate: newcomer.birthdate,
        sex: newcomer.gender,
        residence: newcomer.address.formatted,
      },
    });
  });

  test('the same identity signing in again lands in the same account', async () => {
    const browser = new FetchBrowser(t.base);
    const end = await vneidLoginByHttp(browser, newcomer.citizen_id);
    assert.equal(end.res.headers.get('location'), '/ho-so');
    assert.equal((await me(browser)).body.user.id, firstUserId);
    const links = await t.ctx.db.selectFrom('citizenIdentityLink').selectAll().execute();
    assert.equal(links.filter((l) => l.citizenId === newcomer.citizen_id).length, 1);
  });

  test("an identity with an existing citizen's verified phone is linked to that account", async () => {
    const existing = await t.ctx.db
      .selectFrom('userAccount')
      .selectAll()
      .where('phone', '=', '0905000001')
      .executeTakeFirstOrThrow();
    const browser = new FetchBrowser(t.base);
    await vneidLoginByHttp(browser, demoCitizen.citizen_id);
    assert.equal((await me(browser)).body.user.id, existing.id);
  });

  test('a tampered state is refused and signs nobody in', async () => {
    const browser = new FetchBrowser(t.base);
    // Walk the provider until it redirects back, then change the state on the way.
    let step = await browser.follow('/api/v1/auth/vneid/start');
    let callback: URL | undefined;
    for (let i = 0; i < 4 && !callback; i++) {
      const form = parseForm(await step.res.text());
      const extra: Record<string, string> = form.fields.prompt === 'login' ? { login: newcomer.citizen_id, password: 'x' } : {};
      let res = await browser.request(form.action, { method: 'POST', form: { ...form.fields, ...extra } });
      let at = new URL(form.action, t.base).href;
      while (res.status >= 300 && res.status < 400) {
        at = new URL(res.headers.get('location') ?? '', at).href;
        if (at.includes('/api/v1/auth/vneid/callback')) {
          callback = new URL(at);
          break;
        }
        res = await browser.request(at);
      }
      step = { res, url: at };
    }
    assert.ok(callback, 'the provider redirected back');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const res = await browser.request(callback.href);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).type.endsWith('/vneid-refused'), true);
    assert.equal((await me(browser)).status, 401);
    // The attempt is used up: the genuine callback afterwards is refused too.
    callback.searchParams.set('state', callback.searchParams.get('state')!.slice(0, -1));
    assert.equal((await browser.request(callback.href)).status, 400);
  });

  test('a link to VNeID start from another site does not sign the browser out; finishing the login replaces the session', async () => {
    const browser = new FetchBrowser(t.base);
    const login = await browser.request('/api/v1/auth/login', {
      method: 'POST',
      json: { phone: '0905000013', password: DEMO_PASSWORD },
    });
    assert.equal(login.status, 200);
    const officerId = (await me(browser)).body.user.id;
    const start = await browser.request('/api/v1/auth/vneid/start');
    assert.equal(start.status, 302);
    const still = await me(browser);
    assert.equal(still.status, 200, 'still signed in after merely following the link');
    assert.equal(still.body.user.id, officerId);

    await vneidLoginByHttp(browser, newcomer.citizen_id);
    const after = await me(browser);
    assert.equal(after.body.user.id, firstUserId, 'the VNeID identity is now signed in');
    const officerSessions = await t.ctx.db.selectFrom('session').select('id').where('userId', '=', officerId).execute();
    assert.equal(officerSessions.length, 0, "the officer's session of this browser has ended");
  });

  test('a callback without a login in progress is refused', async () => {
    const browser = new FetchBrowser(t.base);
    const res = await browser.request('/api/v1/auth/vneid/callback?code=abc&state=def');
    assert.equal(res.status, 400);
    assert.equal((await me(browser)).status, 401);
  });
});
