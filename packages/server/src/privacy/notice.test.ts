import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { procedureDefinitions } from '@dvc/domain';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { get, login } from '../dossiers/dossiers.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { ACCOUNT_NOTICE_VERSION } from './notice';
import { newCitizen } from './privacy.test-helpers';

const REGISTRATION = procedureDefinitions.householdBusinessRegistrationDefinition.code;

/** Issue 20 point 1: the notice before filing, and consent recorded at sign-up. */
describe('privacy notice and consent', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T03:00:00Z') });
  });
  after(() => t.close());

  test('before filing, anyone sees what the procedure collects, why, by whom and for how long', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/privacy/notices/procedures/${REGISTRATION}` });
    assert.equal(res.statusCode, 200);
    const n = res.json();
    assert.equal(n.procedureCode, REGISTRATION);
    assert.ok(n.collected.includes('Số định danh cá nhân'), n.collected.join(' | '));
    assert.ok(n.papers.length >= 2);
    assert.equal(n.controller[0].vi, 'Ủy ban nhân dân cấp xã nơi nộp hồ sơ');
    assert.ok(n.legalBasis.length >= 1);
    assert.match(n.purpose.vi, /Tiếp nhận, giải quyết/);
    assert.deepEqual([n.retention.keepDays, n.retention.action], [3650, 'anonymise']);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/privacy/notices/procedures/KHONG-CO' })).statusCode, 404);
  });

  test('the period shown is the one an administrator set for the procedure', async () => {
    const admin = await login(t.app, 'provinceAdmin');
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/privacy/retention/dossiers',
      payload: { procedureCode: REGISTRATION, keepDays: 7300, action: 'anonymise', legalBasis: 'Bảo quản 20 năm' },
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    assert.equal(set.statusCode, 200);
    const n = (await t.app.inject({ method: 'GET', url: `/api/v1/privacy/notices/procedures/${REGISTRATION}` })).json();
    assert.deepEqual(n.retention, { keepDays: 7300, action: 'anonymise', legalBasis: 'Bảo quản 20 năm' });
  });

  test('signing up records consent to the account notice, kept append-only and in the download', async () => {
    const citizen = await newCitizen(t.ctx, '0987650071', 'Hà Văn Mười Một');
    const rows = await t.ctx.db.selectFrom('consentRecord').selectAll().where('userId', '=', citizen.body.user.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.purpose, 'account');
    assert.equal(rows[0]!.noticeVersion, ACCOUNT_NOTICE_VERSION);
    assert.equal(rows[0]!.decision, 'given');
    assert.equal(new Date(rows[0]!.at).toISOString(), '2026-03-02T03:00:00.000Z');
    await assert.rejects(sql`delete from consent_record`.execute(t.ctx.db));
    const zip = unzipSync(new Uint8Array((await get(t.app, citizen, '/api/v1/privacy/export')).rawPayload));
    const data = JSON.parse(new TextDecoder().decode(zip['data.json']));
    assert.deepEqual(
      data.consents.map((c: { noticeVersion: string; decision: string }) => [c.noticeVersion, c.decision]),
      [[ACCOUNT_NOTICE_VERSION, 'given']],
    );
  });
});
