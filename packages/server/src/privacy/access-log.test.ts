import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { fileOnline, get, login } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { newCitizen } from './privacy.test-helpers';

/** Issue 20 point 2: every officer's read of personal data is logged, and its subject sees it. */
describe('access log of personal data', () => {
  let t: TestApp;
  let citizen: SignedIn;
  let receiver: SignedIn;
  let otherCitizen: SignedIn;
  let code: string;

  const rowsOf = (dossierCode: string) =>
    t.ctx.db
      .selectFrom('personalDataRead as r')
      .innerJoin('dossier as d', 'd.id', 'r.dossierId')
      .selectAll('r')
      .where('d.code', '=', dossierCode)
      .execute();

  before(async () => {
    t = await createTestApp();
    citizen = await login(t.app, 'citizen');
    receiver = await login(t.app, 'receiver');
    otherCitizen = await newCitizen(t.ctx, '0987650011', 'Lê Thị Cúc');
    code = (await fileOnline(t.app, citizen)).code;
  });
  after(() => t.close());

  test('an officer reading a dossier leaves a row: who, what, when, which route and screen', async () => {
    t.setNow(new Date('2026-03-02T03:00:00Z'));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}`,
      headers: { cookie: receiver.cookie, 'x-dvc-screen': 'officer/dossier-detail' },
    });
    assert.equal(res.statusCode, 200);
    const rows = await rowsOf(code);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.officerId, receiver.body.user.id);
    assert.equal(rows[0]!.agencyCode, 'UBND.21025');
    assert.equal(rows[0]!.recordType, 'dossier');
    assert.equal(rows[0]!.recordId, code);
    assert.equal(rows[0]!.subjectId, citizen.body.user.id);
    assert.equal(rows[0]!.route, 'GET /api/v1/dossiers/:code');
    assert.equal(rows[0]!.screen, 'officer/dossier-detail');
    assert.equal(new Date(rows[0]!.at).toISOString(), '2026-03-02T03:00:00.000Z');
  });

  test('the applicant reading their own dossier, or an officer refused it, leaves no row', async () => {
    const before = (await rowsOf(code)).length;
    assert.equal((await get(t.app, citizen, `/api/v1/dossiers/${code}`)).statusCode, 200);
    const otherDesk = await login(t.app, 'otherReceiver');
    assert.equal((await get(t.app, otherDesk, `/api/v1/dossiers/${code}`)).statusCode, 404);
    assert.equal((await rowsOf(code)).length, before);
  });

  test('reading an attachment is logged against the dossier that holds it', async () => {
    const detail = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
    const fileId = detail.attachments[0].fileId as string;
    const res = await get(t.app, receiver, `/api/v1/files/${fileId}`);
    assert.equal(res.statusCode, 200);
    const rows = (await rowsOf(code)).filter((r) => r.recordType === 'attachment');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.recordId, fileId);
    assert.equal(rows[0]!.subjectId, citizen.body.user.id);
  });

  test('the citizen sees which agency read their dossier and when, not who', async () => {
    const res = await get(t.app, citizen, `/api/v1/privacy/reads?dossierCode=${code}`);
    assert.equal(res.statusCode, 200);
    const items = res.json().items as { at: string; agencyName: string; recordType: string; dossierCode: string }[];
    assert.ok(items.length >= 3);
    assert.ok(items.every((i) => i.agencyName === 'Ủy ban nhân dân phường Cẩm Thành' && i.dossierCode === code));
    assert.ok(items.some((i) => i.at === '2026-03-02T03:00:00.000Z' && i.recordType === 'dossier'));
    assert.ok(items.some((i) => i.recordType === 'attachment'));
    // Nothing that names the officer: not their id, name or phone.
    assert.doesNotMatch(res.body, new RegExp(`${receiver.body.user.id}|Trần Thị Bích|0905000011`));
  });

  test('another citizen sees none of it', async () => {
    const res = await get(t.app, otherCitizen, `/api/v1/privacy/reads?dossierCode=${code}`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().items, []);
    assert.deepEqual((await get(t.app, otherCitizen, '/api/v1/privacy/reads')).json().items, []);
  });

  test('the log cannot be changed or emptied, by the app or by the owner', async () => {
    const attempts = [
      sql`update personal_data_read set officer_id = ${otherCitizen.body.user.id}`,
      sql`delete from personal_data_read`,
    ];
    for (const statement of attempts) {
      await assert.rejects(statement.execute(t.ctx.db));
      await assert.rejects(
        t.asOwner((db) => statement.execute(db)),
        /append-only/,
      );
    }
    await assert.rejects(
      t.asOwner((db) => sql`truncate personal_data_read`.execute(db)),
      /append-only/,
    );
    assert.ok((await rowsOf(code)).length >= 3);
  });

  test('40 reads at once leave 40 rows', async () => {
    const before = (await rowsOf(code)).length;
    const answers = await Promise.all(Array.from({ length: 40 }, () => get(t.app, receiver, `/api/v1/dossiers/${code}`)));
    assert.ok(answers.every((r) => r.statusCode === 200));
    assert.equal((await rowsOf(code)).length, before + 40);
  });

  test('an administrator lists reads per officer, and one officer’s reads', async () => {
    const admin = await login(t.app, 'provinceAdmin');
    const per = (await get(t.app, admin, '/api/v1/admin/privacy/reads/by-officer')).json().items as {
      officerId: string;
      officerName: string;
      reads: number;
      people: number;
    }[];
    const mine = per.find((p) => p.officerId === receiver.body.user.id);
    assert.equal(mine?.officerName, 'Trần Thị Bích');
    assert.equal(mine?.people, 1);
    assert.ok((mine?.reads ?? 0) >= 43);
    const list = await get(t.app, admin, `/api/v1/admin/privacy/reads?officerId=${receiver.body.user.id}&limit=5`);
    assert.equal(list.json().items.length, 5);
    assert.ok(list.json().items.every((i: { dossierCode: string }) => i.dossierCode === code));
    assert.equal((await get(t.app, receiver, '/api/v1/admin/privacy/reads')).statusCode, 403);
  });
});
