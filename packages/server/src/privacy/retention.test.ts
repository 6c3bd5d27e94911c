import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { vietnamDate } from '@dvc/domain';
import { sql } from 'kysely';
import { act, fileOnline, get, login, uploaded } from '../dossiers/dossiers.test-helpers';
import { blobStoreFor } from '../files/files.service';
import type { SignedIn } from '../identity/identity.test-helpers';
import { register } from '../identity/sign-up.service';
import { createTestApp, type TestApp } from '../test/harness';
import { newCitizen } from './privacy.test-helpers';
import { ANONYMISED_NAME, runRetention } from './retention';

const DAY_MS = 86_400_000;

/** Issue 20 point 4: retention periods as data, a job that enforces them, reports that keep counting. */
describe('retention', () => {
  let t: TestApp;
  let citizen: SignedIn;
  let admin: SignedIn;
  const start = new Date('2026-03-02T03:00:00Z');

  const put = (category: string, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/privacy/retention/${category}`,
      payload: payload as object,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });

  before(async () => {
    t = await createTestApp({ now: start });
    citizen = await login(t.app, 'citizen');
    admin = await login(t.app, 'provinceAdmin');
  });
  after(() => t.close());

  test('every category has a default period, seeded once and not overwritten', async () => {
    const res = await get(t.app, admin, '/api/v1/admin/privacy/retention');
    assert.equal(res.statusCode, 200);
    const categories = res.json().policies.map((p: { category: string }) => p.category);
    for (const c of [
      'draft_uploads',
      'unfinished_uploads',
      'sms_outbox',
      'sessions',
      'one_time_codes',
      'dossiers',
      'access_log',
    ]) {
      assert.ok(categories.includes(c), c);
    }
    assert.equal((await put('access_log', { keepDays: 1, action: 'delete', legalBasis: 'x' })).statusCode, 400);
    assert.equal((await put('nothing', { keepDays: 1, action: 'delete', legalBasis: 'x' })).statusCode, 404);
    assert.equal(
      (await put('sessions', { procedureCode: '1.001612', keepDays: 1, action: 'delete', legalBasis: 'x' })).statusCode,
      400,
    );
  });

  test('a closed dossier past its period is anonymised, its papers erased, and the report counts it the same', async () => {
    const { code } = await fileOnline(t.app, citizen);
    const receiver = await login(t.app, 'receiver');
    const detail = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
    const fileIds = detail.attachments.map((a: { fileId: string }) => a.fileId as string);
    assert.equal((await act(t.app, receiver, code, { type: 'refuse', reason: 'Không thuộc thẩm quyền' })).statusCode, 200);
    const day = vietnamDate(start);
    const reportUrl = `/api/v1/reports/indicators?from=${day}&to=${day}&groupBy=procedure`;
    const before = await get(t.app, admin, reportUrl);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /"received":[1-9]/);

    const set = await put('dossiers', { procedureCode: '1.001612', keepDays: 0, action: 'anonymise', legalBasis: 'Thử' });
    assert.equal(set.statusCode, 200);
    t.setNow(new Date(start.getTime() + 60_000));
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/privacy/retention/run',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    assert.equal(run.statusCode, 200);
    const line = run
      .json()
      .lines.find(
        (l: { category: string; procedureCode: string }) => l.category === 'dossiers' && l.procedureCode === '1.001612',
      );
    assert.equal(line.affected, 1);
    assert.equal(line.detail.attachments, 2);

    const row = await t.ctx.db
      .selectFrom('dossier')
      .select(['applicantName', 'applicantPhone', 'applicantCitizenId', 'applicantId', 'form'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      applicantName: ANONYMISED_NAME,
      applicantPhone: null,
      applicantCitizenId: null,
      applicantId: null,
      form: {},
    });
    for (const sha of fileIds) assert.equal(await blobStoreFor(t.ctx).has(sha), false, `bytes of ${sha} erased`);
    // The figures of the day are the same, and the agency still sees the (anonymous) dossier.
    const afterRun = await get(t.app, admin, reportUrl);
    assert.deepEqual(afterRun.json(), before.json());
    const seen = await get(t.app, receiver, `/api/v1/dossiers/${code}`);
    assert.equal(seen.statusCode, 200);
    assert.doesNotMatch(seen.body, /051190123456|Nguyễn Thị Ba/);
    // A second run finds nothing more to do.
    const again = await runRetention(t.ctx, t.ctx.now());
    assert.equal(again.lines.find((l) => l.category === 'dossiers' && l.procedureCode === '1.001612')?.affected, 0);
  });

  test('past their periods, loose uploads, sent SMS, expired sessions and codes are deleted, and each run is recorded', async () => {
    const loose = await uploaded(t.ctx, citizen, 'giay-nhap-cu');
    // Signing up sends an SMS; one left unconfirmed keeps its code and the name given.
    await newCitizen(t.ctx, '0987650051', 'Lý Thị Mười');
    assert.equal((await register(t.ctx, { phone: '0987650061', password: 'MatKhau@2026', fullName: 'Bỏ Dở' })).ok, true);
    const later = new Date(start.getTime() + 61 * DAY_MS);
    const { runId, lines } = await runRetention(t.ctx, later);
    const of = (c: string) => lines.find((l) => l.category === c && l.procedureCode === '*')!;
    assert.equal(of('draft_uploads').affected >= 1, true);
    assert.equal(await blobStoreFor(t.ctx).has(loose), false);
    assert.ok(of('sms_outbox').affected >= 1);
    assert.ok(of('sessions').affected >= 1);
    assert.ok(of('one_time_codes').affected >= 1);
    assert.equal(
      lines.some((l) => l.category === 'access_log'),
      false,
      'append-only logs are kept',
    );
    const runs = await t.ctx.db.selectFrom('retentionRun').selectAll().where('runId', '=', runId).execute();
    assert.equal(runs.length, lines.length);
    assert.ok(runs.every((r) => new Date(r.at).getTime() === later.getTime()));
    await assert.rejects(sql`delete from retention_run`.execute(t.ctx.db));
    assert.equal((await t.ctx.db.selectFrom('session').select('id').execute()).length, 0);
    assert.equal((await t.ctx.db.selectFrom('signUp').select('id').execute()).length, 0);
    assert.equal(of('one_time_codes').detail.unverifiedAccounts, 1);
    const abandoned = await t.ctx.db.selectFrom('userAccount').select('id').where('phone', '=', '0987650061').execute();
    assert.deepEqual(abandoned, []);
  });
});
