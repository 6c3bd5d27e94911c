import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { fileOnline, get, login, post, tinyPdf, uploaded } from '../dossiers/dossiers.test-helpers';
import { blobStoreFor } from '../files/files.service';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { newCitizen } from './privacy.test-helpers';

/** Issue 20 point 3: a citizen downloads what is held about them, and asks to correct or delete it. */
describe('data subject rights', () => {
  let t: TestApp;
  let citizen: SignedIn;
  let admin: SignedIn;
  let code: string;

  before(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T03:00:00Z') });
    citizen = await login(t.app, 'citizen');
    admin = await login(t.app, 'provinceAdmin');
    code = (await fileOnline(t.app, citizen)).code;
  });
  after(() => t.close());

  test('the download is one ZIP with everything held about the citizen and their papers', async () => {
    const loose = await uploaded(t.ctx, citizen, 'ban-nhap-rieng');
    const res = await get(t.app, citizen, '/api/v1/privacy/export');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(String(res.headers['content-disposition']), /attachment; filename="du-lieu-ca-nhan-2026-03-02\.zip"/);
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    const data = JSON.parse(new TextDecoder().decode(entries['data.json']));
    assert.equal(data.account.phone, '0905000001');
    assert.equal(data.account.fullName, 'Nguyễn Văn An');
    assert.equal(data.account.passwordHash, undefined);
    const dossier = data.dossiers.find((d: { code: string }) => d.code === code);
    assert.equal(dossier.form.owner.citizenId, '051190123456');
    assert.equal(dossier.attachments.length, 2);
    assert.ok(dossier.events.length >= 1);
    assert.ok(data.uploads.some((u: { sha256: string }) => u.sha256 === loose));
    // The papers themselves, byte for byte.
    const names = Object.keys(entries).filter((n) => n.startsWith('files/'));
    const pdf = names.find((n) => n.startsWith(`files/${loose.slice(0, 12)}-`));
    assert.ok(pdf, `no file for the loose upload among ${names.join(', ')}`);
    assert.deepEqual(Buffer.from(entries[pdf]!), tinyPdf('ban-nhap-rieng'));
    assert.ok(names.length >= 3);
  });

  test('another citizen’s download holds none of it', async () => {
    const other = await newCitizen(t.ctx, '0987650021', 'Trần Văn Bảy');
    const entries = unzipSync(new Uint8Array((await get(t.app, other, '/api/v1/privacy/export')).rawPayload));
    const text = new TextDecoder().decode(entries['data.json']);
    assert.doesNotMatch(text, new RegExp(`${code}|051190123456|0905000001`));
    assert.deepEqual(
      Object.keys(entries).filter((n) => n.startsWith('files/')),
      [],
    );
  });

  test('a correction is tracked with its deadline and answered by an administrator', async () => {
    const res = await post(t.app, citizen, '/api/v1/privacy/requests', {
      kind: 'correction',
      detail: 'Ngày sinh đúng là 13/05/1990',
    });
    assert.equal(res.statusCode, 201);
    const req = res.json();
    assert.match(req.code, /^YCDL-260302-\d{6}$/);
    assert.equal(req.dueAt, '2026-03-12T03:00:00.000Z');
    assert.equal(req.status, 'open');
    const open = (await get(t.app, admin, '/api/v1/admin/privacy/requests?status=open')).json().items;
    assert.ok(open.some((r: { code: string }) => r.code === req.code));
    // Past the deadline (sessions lapse over days: sign in again).
    t.setNow(new Date('2026-03-13T03:00:00Z'));
    citizen = await login(t.app, 'citizen');
    admin = await login(t.app, 'provinceAdmin');
    const mine = (await get(t.app, citizen, '/api/v1/privacy/requests')).json().items;
    assert.equal(mine.find((r: { code: string }) => r.code === req.code).overdue, true);
    const answered = await post(t.app, admin, `/api/v1/admin/privacy/requests/${req.code}/answer`, {
      decision: 'done',
      answer: 'Đã sửa ngày sinh trong hồ sơ tài khoản.',
    });
    assert.equal(answered.statusCode, 200);
    const seen = (await get(t.app, citizen, '/api/v1/privacy/requests'))
      .json()
      .items.find((r: { code: string }) => r.code === req.code);
    assert.equal(seen.status, 'done');
    assert.equal(seen.answer, 'Đã sửa ngày sinh trong hồ sơ tài khoản.');
    assert.equal(seen.overdue, false);
    const again = await post(t.app, admin, `/api/v1/admin/privacy/requests/${req.code}/answer`, {
      decision: 'refused',
      answer: 'x',
    });
    assert.equal(again.statusCode, 409);
  });

  test('a deletion erases the account and loose uploads of a citizen who filed nothing', async () => {
    const gone = await newCitizen(t.ctx, '0987650031', 'Phan Thị Tám');
    const loose = await uploaded(t.ctx, gone, 'chi-cua-tam');
    const req = (await post(t.app, gone, '/api/v1/privacy/requests', { kind: 'deletion', detail: 'Tôi không dùng nữa' })).json();
    const answered = await post(t.app, admin, `/api/v1/admin/privacy/requests/${req.code}/answer`, {
      decision: 'done',
      answer: 'Đã xóa tài khoản.',
    });
    assert.equal(answered.statusCode, 200);
    assert.equal(answered.json().outcome.accountDeleted, 1);
    assert.equal(answered.json().outcome.uploads, 1);
    assert.equal(answered.json().outcome.fileBytesErased, 1);
    assert.equal(await blobStoreFor(t.ctx).has(loose), false);
    assert.equal((await get(t.app, gone, '/api/v1/auth/me')).statusCode, 401);
    const login2 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '0987650031', password: 'MatKhau@2026' },
    });
    assert.equal(login2.statusCode, 401);
  });

  test('a deletion keeps the dossiers the law requires and what they hold, and answers once', async () => {
    const filer = await newCitizen(t.ctx, '0987650041', 'Đỗ Văn Chín');
    const filed = (await fileOnline(t.app, filer)).code;
    const loose = await uploaded(t.ctx, filer, 'nhap-cua-chin');
    const req = (await post(t.app, filer, '/api/v1/privacy/requests', { kind: 'deletion', detail: 'Xóa giúp tôi' })).json();
    const other = await login(t.app, 'provinceAdmin');
    const answers = await Promise.all(
      [admin, other].map((a) =>
        post(t.app, a, `/api/v1/admin/privacy/requests/${req.code}/answer`, {
          decision: 'done',
          answer: 'Đã xóa phần không phải lưu.',
        }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409]);
    const outcome = answers.find((a) => a.statusCode === 200)!.json().outcome;
    assert.equal(outcome.accountAnonymised, 1);
    assert.equal(outcome.uploads, 1);
    assert.equal(await blobStoreFor(t.ctx).has(loose), false);
    assert.equal((await get(t.app, filer, '/api/v1/auth/me')).statusCode, 401);
    // The agency still has the dossier and its papers.
    const receiver = await login(t.app, 'receiver');
    const detail = await get(t.app, receiver, `/api/v1/dossiers/${filed}`);
    assert.equal(detail.statusCode, 200);
    assert.equal((await get(t.app, receiver, `/api/v1/files/${detail.json().attachments[0].fileId}`)).statusCode, 200);
    // The number is free again: somebody signs up with it (past the minute between two codes) and
    // gets an account of their own.
    t.setNow(new Date(t.ctx.now().getTime() + 5 * 60_000));
    const next = await newCitizen(t.ctx, '0987650041', 'Đỗ Văn Mười');
    assert.notEqual(next.body.user.id, filer.body.user.id);
  });
});
