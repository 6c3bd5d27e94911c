import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness';
import { DEMO_PASSWORD } from './identity.seed';
import { signIn } from './identity.test-helpers';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const officerRoles = (cookie?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/officer-roles', headers: cookie ? { cookie } : {} });

test('officer-only routes: anonymous → 401, citizen → 403', async () => {
  const anonymous = await officerRoles();
  assert.equal(anonymous.statusCode, 401);
  const citizen = await signIn(t.app, '0905000001', DEMO_PASSWORD);
  const res = await officerRoles(citizen.cookie);
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().title, 'Bạn không có quyền thực hiện thao tác này');
});

test('an officer sees only their own grants, scoped to agency and unit', async () => {
  const leader = await signIn(t.app, '0905000013', DEMO_PASSWORD);
  assert.deepEqual(leader.body.user.roles, [{ role: 'leader', agencyCode: 'UBND.21025', unitCode: '21025' }]);
  const res = await officerRoles(leader.cookie);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json().roles, [
    { role: 'leader', agencyCode: 'UBND.21025', agencyName: 'Ủy ban nhân dân phường Cẩm Thành', unitCode: '21025' },
  ]);

  const otherCommune = await signIn(t.app, '0905000021', DEMO_PASSWORD);
  const other = await officerRoles(otherCommune.cookie);
  assert.deepEqual(
    other.json().roles.map((r: { agencyCode: string }) => r.agencyCode),
    ['UBND.21040'],
  );
});

test('every demo officer role can sign in and is recognised as an officer', async () => {
  const expected: [string, string][] = [
    ['0905000011', 'receiver'],
    ['0905000012', 'specialist'],
    ['0905000091', 'province_admin'],
    ['0905000099', 'system_admin'],
  ];
  for (const [phone, role] of expected) {
    const s = await signIn(t.app, phone, DEMO_PASSWORD);
    assert.equal(s.body.user.kind, 'officer', phone);
    assert.deepEqual(
      s.body.user.roles.map((r) => r.role),
      [role],
      phone,
    );
  }
});

test('a forged or expired cookie gives no identity', async () => {
  const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'dvc_session=forged' } });
  assert.equal(forged.statusCode, 401);
  const s = await signIn(t.app, '0905000001', DEMO_PASSWORD);
  t.setNow(new Date(Date.now() + 13 * 3_600_000));
  const idle = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
  assert.equal(idle.statusCode, 401, 'a session idle for more than 12 hours has ended');
});

test('in production: no dev SMS outbox page, and the session cookie is Secure', async () => {
  const prod = await createTestApp({ config: { NODE_ENV: 'production', devTools: false } });
  try {
    const outbox = await prod.app.inject({ method: 'GET', url: '/api/dev/sms-outbox' });
    assert.equal(outbox.statusCode, 404);
    const login = await prod.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '0905000001', password: DEMO_PASSWORD },
    });
    assert.equal(login.statusCode, 200);
    assert.match(String(login.headers['set-cookie']), /; Secure/);
    const doc = (await prod.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(doc.paths['/api/v1/auth/login'], 'auth routes are documented');
    assert.equal(doc.paths['/api/dev/sms-outbox'], undefined);
  } finally {
    await prod.close();
  }
});
