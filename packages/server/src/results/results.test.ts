import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { act, householdForm, login } from '../dossiers/dossiers.test-helpers';
import { blobStoreFor } from '../files/files.service';
import type { Actor } from '../identity/actor';
import type { SignedIn } from '../identity/identity.test-helpers';
import { getResultFile, onDossierResolved } from './results.service';
import {
  createResultsTestApp,
  type Desk,
  driveToResolved,
  fileDossier,
  PUBLIC_URL,
  pdfText,
  type ResultsTestApp,
  signInDesk,
  streamToBuffer,
} from './results.test-helpers';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const NOW = new Date('2026-11-30T02:00:00Z');
const REGISTRATION = ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan'];

let t: ResultsTestApp;
let citizen: SignedIn;
let desk: Desk;

before(async () => {
  t = await createResultsTestApp(NOW);
  citizen = await login(t.app, 'citizen');
  desk = await signInDesk(t.app);
});
after(() => t.close());

function actorOf(who: SignedIn): Actor {
  const u = who.body.user;
  return {
    userId: u.id,
    kind: u.kind as Actor['kind'],
    fullName: '',
    phone: null,
    provinceCode: t.ctx.config.PROVINCE_CODE,
    roles: u.roles.map((r) => ({ role: r.role as never, agencyCode: r.agencyCode, unitCode: '' })),
    sessionId: '',
  };
}

describe('household business registration', () => {
  let code: string;
  let verificationCode: string;
  let number: string;
  let fileId: string;

  test('a registration driven to resolved gets a number and a certificate with a verification QR', async () => {
    code = await fileDossier(t, citizen, '1.001612', '21025', householdForm(), REGISTRATION);
    await driveToResolved(t.app, desk, code);
    const issued = await onDossierResolved(t.ctx, code);
    assert.ok(issued.ok && issued.result, JSON.stringify(issued));
    const r = issued.result;
    assert.equal(r.kind, 'certificate');
    assert.match(r.number, /^51210258\d{6}$/, 'province 51, authority UBND.21025, type 8, serial');
    assert.match(r.verificationCode, /^[A-HJ-NP-Z2-9]{10}$/);
    assert.equal(r.verificationUrl, `${PUBLIC_URL}/xac-minh/${r.verificationCode}`);
    assert.equal(r.electronic, true);
    assert.equal(r.digitized, true);
    number = r.number;
    verificationCode = r.verificationCode;
    fileId = r.fileId;

    const dossier = await t.ctx.db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    assert.equal(dossier.resultElectronic, true);
    assert.equal(dossier.resultDigitized, true);
  });

  test('the certificate PDF shows the business name, the number, the owner and the verification address', async () => {
    const body = await blobStoreFor(t.ctx).get(fileId);
    assert.ok(body);
    const text = await pdfText(await streamToBuffer(body));
    for (const needle of [
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH',
      'HỘ KINH DOANH BÁNH XÈO CÔ BA',
      `Mã số hộ kinh doanh: ${number}`,
      '12 Lê Lợi, tổ dân phố 3, Phường Cẩm Thành',
      '5610',
      'NGUYỄN THỊ BA',
      '051190123456',
      `/xac-minh/${verificationCode}`,
      'Phạm Thị Dung',
    ]) {
      assert.ok(text.includes(needle), `missing "${needle}" in ${text.slice(0, 1200)}`);
    }
  });

  test('issuing again gives back the same result (no second number)', async () => {
    const again = await onDossierResolved(t.ctx, code);
    assert.ok(again.ok && again.result);
    assert.equal(again.result.number, number);
    assert.equal(again.result.verificationCode, verificationCode);
  });

  test('the verification page confirms the certificate without any personal data', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/xac-minh/${verificationCode}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.ok(page.body.includes('Hộ kinh doanh Bánh xèo Cô Ba'));
    assert.ok(page.body.includes(number));
    assert.ok(page.body.includes('Ủy ban nhân dân phường Cẩm Thành'));
    assert.ok(page.body.includes('Còn hiệu lực'));
    assert.ok(page.body.includes('name="viewport"'), 'readable on a phone');
    for (const personal of ['051190123456', 'Nguyễn Thị Ba', 'Lê Lợi', '0905123456']) {
      assert.ok(!page.body.includes(personal), `the page must not show ${personal}`);
    }

    const json = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${verificationCode.toLowerCase()}` });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().number, number);
    assert.equal(json.json().status, 'valid');
    assert.ok(!json.body.includes('051190123456'));
  });

  test('an unknown code says the document was not found, as a page and as JSON', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/xac-minh/ABCDEFGH23' });
    assert.equal(page.statusCode, 404);
    assert.ok(page.body.includes('Không tìm thấy văn bản'));
    const junk = await t.app.inject({ method: 'GET', url: '/xac-minh/%3Cscript%3E' });
    assert.equal(junk.statusCode, 404);
    assert.ok(!junk.body.includes('<script>'));
    const json = await t.app.inject({ method: 'GET', url: '/api/v1/verify/ABCDEFGH23' });
    assert.equal(json.statusCode, 404);
  });

  test('the result file is served to the applicant and the agency, not to others', async () => {
    const mine = await getResultFile(t.ctx, actorOf(citizen), code);
    assert.ok(mine.ok);
    assert.equal(mine.mediaType, 'application/pdf');
    assert.match(mine.fileName, /\.pdf$/);
    assert.equal((await streamToBuffer(mine.body)).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await getResultFile(t.ctx, actorOf(desk.leader), code)).ok, true);
    const stranger = { ...actorOf(citizen), userId: '00000000-0000-4000-8000-000000000000' };
    assert.deepEqual(await getResultFile(t.ctx, stranger, code), { ok: false, reason: 'not_found' });
  });
});

describe('other results', () => {
  test('a refused proposal issues nothing', async () => {
    const form = { ...householdForm(), businessName: 'Hộ kinh doanh Bị Từ Chối' };
    const code = await fileDossier(t, citizen, '1.001612', '21025', form, REGISTRATION);
    for (const [who, event] of [
      [desk.receiver, { type: 'receive' }],
      [desk.receiver, { type: 'assign', specialistId: desk.specialist.body.user.id }],
      [desk.specialist, { type: 'propose', outcome: 'reject', draft: 'Từ chối: ngành nghề cấm' }],
      [desk.leader, { type: 'approve' }],
      [desk.leader, { type: 'resolve' }],
    ] as const) {
      const res = await act(t.app, who, code, event);
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.deepEqual(await onDossierResolved(t.ctx, code), { ok: true, result: null });
  });

  test('a dossier not yet resolved gets no result', async () => {
    const code = await fileDossier(
      t,
      citizen,
      '1.001612',
      '21025',
      { ...householdForm(), businessName: 'Hộ kinh doanh Chờ Xử Lý' },
      REGISTRATION,
    );
    const r = await onDossierResolved(t.ctx, code);
    assert.equal(r.ok, false);
  });

  test('a promotion notice gets an acknowledgement', async () => {
    const form = {
      taxCode: '0100109106',
      enterpriseName: 'Công ty TNHH Thương mại Sông Trà',
      programmeName: 'Khuyến mại mừng xuân 2027',
      promotionForm: 'giam-gia',
      goods: 'Nước mắm, gạo',
      prizes: [],
      area: 'Tỉnh Quảng Ngãi',
      startDate: '2026-12-10',
      endDate: '2026-12-31',
    };
    const code = await fileDossier(t, citizen, 'QNG-TB-KHUYEN-MAI', '21025', form, ['thong-bao-khuyen-mai']);
    // Resolved directly: `receive` cannot compute a due time for a procedure of 0 working days yet.
    await sql`update dossier set status = 'resolved',
      snapshot = snapshot || '{"status":"resolved","proposedOutcome":"approve"}'::jsonb where code = ${code}`.execute(t.ctx.db);
    const issued = await onDossierResolved(t.ctx, code);
    assert.ok(issued.ok && issued.result, JSON.stringify(issued));
    assert.equal(issued.result.kind, 'acknowledgement');
    const body = await blobStoreFor(t.ctx).get(issued.result.fileId);
    assert.ok(body);
    const text = await pdfText(await streamToBuffer(body));
    assert.ok(text.includes('XÁC NHẬN TIẾP NHẬN THÔNG BÁO HOẠT ĐỘNG KHUYẾN MẠI'));
    assert.ok(text.includes('Khuyến mại mừng xuân 2027'));
    const page = await t.app.inject({ method: 'GET', url: `/xac-minh/${issued.result.verificationCode}` });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Công ty TNHH Thương mại Sông Trà'));
  });
});
