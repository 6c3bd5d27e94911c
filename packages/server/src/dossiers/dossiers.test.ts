import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import {
  act,
  fileOnline,
  get,
  householdForm,
  householdRegistration,
  login,
  post,
  registrationAttachments,
  uploaded,
} from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let specialist: SignedIn;
let leader: SignedIn;
let attachments: Array<{ componentId: string; fileId: string }>;
/** A registration carrying the citizen's uploaded components. */
const reg = (overrides: Record<string, unknown> = {}) => householdRegistration({ attachments, ...overrides });
// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');

before(async () => {
  t = await createTestApp({ now: MONDAY_9AM });
  [citizen, receiver, specialist, leader] = await Promise.all([
    login(t.app, 'citizen'),
    login(t.app, 'receiver'),
    login(t.app, 'specialist'),
    login(t.app, 'leader'),
  ]);
  attachments = await registrationAttachments(t.ctx, citizen);
});
after(() => t.close());

async function dossierCount() {
  const r = await sql<{ n: number }>`select count(*)::int as n from dossier`.execute(t.ctx.db);
  return r.rows[0]!.n;
}

describe('a citizen files from the phone', () => {
  test('gets a readable code, status new, channel mobile and the expected date', async () => {
    const res = await post(t.app, citizen, '/api/v1/dossiers', reg(), randomUUID());
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.code, /^UBND\.21025-261130-\d{4}$/);
    assert.equal(body.status, 'new');
    assert.equal(body.channel, 'mobile');
    assert.equal(body.agencyName, 'Ủy ban nhân dân phường Cẩm Thành');
    // 3 working days less 20% online = 2.4 days = 18 working hours (7.5 a day): Mon 6 h, Tue 7.5 h, Wed 4.5 h → Wed 14:00.
    assert.equal(body.expectedDueAt, '2026-12-02T07:00:00.000Z');
    assert.equal(body.feeAmount, 50_000, 'half the counter fee online');
  });

  test('a retry with the same key returns the same dossier, never a second one', async () => {
    const key = randomUUID();
    const body = reg();
    const first = await post(t.app, citizen, '/api/v1/dossiers', body, key);
    const before = await dossierCount();
    const again = await post(t.app, citizen, '/api/v1/dossiers', body, key);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().code, first.json().code);
    assert.equal(await dossierCount(), before);
  });

  test('the same key with a different body is refused with 422 and writes nothing', async () => {
    const key = randomUUID();
    await post(t.app, citizen, '/api/v1/dossiers', reg(), key);
    const before = await dossierCount();
    const res = await post(t.app, citizen, '/api/v1/dossiers', reg({ delivery: 'post' }), key);
    assert.equal(res.statusCode, 422);
    assert.match(res.json().title, /Khóa chống gửi trùng/);
    assert.equal(await dossierCount(), before);
  });

  test('without an Idempotency-Key the filing is refused', async () => {
    const res = await post(t.app, citizen, '/api/v1/dossiers', reg());
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'headers.idempotency-key');
  });

  test('bad input names each bad field in Vietnamese and writes nothing', async () => {
    const before = await dossierCount();
    const res = await post(t.app, citizen, '/api/v1/dossiers', reg({ unitCode: '99999', attachments: [] }), randomUUID());
    assert.equal(res.statusCode, 400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    assert.ok(fields.includes('body.unitCode'), JSON.stringify(res.json()));
    assert.equal(await dossierCount(), before);
    const unknown = await post(t.app, citizen, '/api/v1/dossiers', reg({ colour: 'red' }), randomUUID());
    assert.equal(unknown.statusCode, 400);
    assert.equal(await dossierCount(), before);
  });

  test('a file uploaded by someone else cannot be attached; a missing mandatory component is named', async () => {
    const someoneElses = { componentId: 'giay-de-nghi', fileId: await uploaded(t.ctx, receiver, 'ho-so-cua-nguoi-khac') };
    const res = await post(t.app, citizen, '/api/v1/dossiers', reg({ attachments: [someoneElses] }), randomUUID());
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json().errors as Array<{ field: string; message: string }>;
    assert.ok(
      errors.some((e) => e.field === 'body.attachments.0.fileId' && /tải lại/.test(e.message)),
      JSON.stringify(errors),
    );
    assert.ok(errors.some((e) => e.field === 'body.attachments' && /Thiếu thành phần bắt buộc/.test(e.message)));
  });

  test('the form is checked with the same rules as on the phone, each error beside its field', async () => {
    const before = await dossierCount();
    const form = {
      ...householdForm(),
      businessName: 'Công ty Bánh xèo',
      owner: { ...(householdForm().owner as object), citizenId: '051290123456' },
    };
    const res = await post(t.app, citizen, '/api/v1/dossiers', reg({ form }), randomUUID());
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json().errors as Array<{ field: string; message: string }>;
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    assert.match(byField.get('body.form.businessName') ?? '', /Hộ kinh doanh/);
    assert.ok(byField.has('body.form.owner.citizenId'), JSON.stringify(errors));
    assert.equal(await dossierCount(), before);
  });

  test('the citizen lists and opens their own dossiers', async () => {
    const filed = await fileOnline(t.app, citizen);
    const list = await get(t.app, citizen, '/api/v1/dossiers?mine=true');
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().items.some((d: { code: string }) => d.code === filed.code));
    const one = await get(t.app, citizen, `/api/v1/dossiers/${filed.code}`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().timeline[0].eventLabel.length > 0, true);
    assert.deepEqual(one.json().availableEvents.sort(), ['request_withdrawal']);
  });
});

describe('the one-stop desk processes it to the end', () => {
  test('receive → assign → propose → approve → resolve → return, each step in the timeline', async () => {
    const { code } = await fileOnline(t.app, citizen);
    const inbox = await get(t.app, receiver, '/api/v1/officer/dossiers?tab=new');
    assert.ok(inbox.json().items.some((d: { code: string }) => d.code === code));

    const received = await act(t.app, receiver, code, { type: 'receive' });
    assert.equal(received.statusCode, 200, received.body);
    assert.equal(received.json().status, 'received');
    assert.equal(received.json().dueAt, '2026-12-02T07:00:00.000Z');

    const again = await act(t.app, receiver, code, { type: 'receive' });
    assert.equal(again.statusCode, 409, 'receiving twice is illegal');
    assert.match(again.json().title, /Không thể/);

    const approveByReceiver = await act(t.app, receiver, code, { type: 'approve' });
    assert.equal(approveByReceiver.statusCode, 403, 'a receiver cannot approve');

    assert.equal((await act(t.app, receiver, code, { type: 'assign', specialistId: specialist.body.user.id })).statusCode, 200);
    assert.equal(
      (await act(t.app, specialist, code, { type: 'propose', outcome: 'approve', draft: 'Cấp giấy chứng nhận' })).statusCode,
      200,
    );
    assert.equal((await act(t.app, leader, code, { type: 'approve' })).statusCode, 200);
    const resolved = await act(t.app, leader, code, { type: 'resolve' });
    assert.equal(resolved.statusCode, 200, resolved.body);
    const certificate = resolved.json().documents.find((d: { kind: string }) => d.kind === 'result-certificate');
    assert.ok(certificate, 'the certificate is issued on resolution');
    const pdf = await get(t.app, citizen, certificate.url);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const returned = await act(t.app, receiver, code, { type: 'return_result', delivery: 'electronic' });
    assert.equal(returned.statusCode, 200, returned.body);
    const d = returned.json();
    assert.equal(d.status, 'returned');
    assert.deepEqual(
      d.timeline.map((e: { event: string }) => e.event),
      ['submit_online', 'receive', 'assign', 'propose', 'approve', 'resolve', 'return_result'],
    );
    const seen = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
    assert.equal(seen.json().statusLabel, 'Đã trả kết quả');
  });

  test('a supplement request stops the clock; the answer resumes it with the time that was left', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await act(t.app, receiver, code, { type: 'receive' }); // due Wed 14:00
    t.setNow(new Date('2026-11-30T04:00:00Z')); // Mon 11:00: 2 working hours used
    const asked = await act(t.app, receiver, code, {
      type: 'request_supplement',
      reason: 'Ảnh CCCD bị mờ',
      components: ['Bản sao CCCD của chủ hộ'],
    });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal(asked.json().status, 'supplement_requested');
    t.setNow(new Date('2026-12-01T02:00:00Z')); // Tue 09:00, a day later (sessions idle that long expire: sign in again)
    const again = await login(t.app, 'citizen');
    const clearer = { componentId: 'giay-to-phap-ly-ca-nhan', fileId: await uploaded(t.ctx, again, 'cccd-ro-net') };
    const answered = await post(t.app, again, `/api/v1/dossiers/${code}/supplement`, { attachments: [clearer] });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status, 'received');
    // 16 working hours were left at Mon 11:00; from Tue 09:00 Tue gives 6 h, Wed 7.5 h, Thu 07:30 + 2.5 h → Thu 10:00.
    assert.equal(answered.json().dueAt, '2026-12-03T03:00:00.000Z');
    const added = answered.json().attachments.filter((a: { round: number }) => a.round === 1);
    assert.deepEqual(
      added.map((a: { componentId: string }) => a.componentId),
      ['giay-to-phap-ly-ca-nhan'],
      'the new paper is kept as the answer to the first request',
    );
    t.setNow(MONDAY_9AM);
    [citizen, receiver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver')]);
  });
});

describe('paper at the counter and calls to the hotline', () => {
  test('household-business procedures are online only: the counter needs a special-case reason', async () => {
    const paper = {
      ...householdRegistration({ channel: undefined, attachments: await registrationAttachments(t.ctx, receiver) }),
      applicant: { fullName: 'Trần Văn Bình', phone: '0912345678' },
    };
    const refused = await post(t.app, receiver, '/api/v1/dossiers/counter', paper, randomUUID());
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().errors[0].field, 'body.specialCaseReason');
    assert.match(refused.json().errors[0].message, /chỉ tiếp nhận trực tuyến/);

    const res = await post(
      t.app,
      receiver,
      '/api/v1/dossiers/counter',
      { ...paper, specialCaseReason: 'Người cao tuổi, không sử dụng điện thoại thông minh' },
      randomUUID(),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().channel, 'direct');
    assert.equal(res.json().status, 'received');
    // 3 full working days from Mon 09:00 → Thu 09:00.
    assert.equal(res.json().expectedDueAt, '2026-12-03T02:00:00.000Z');
    assert.equal(res.json().feeAmount, 100_000);
  });

  test('paper components are counted as not digitized until the desk scans them', async () => {
    const scanned = await uploaded(t.ctx, receiver, 'don-de-nghi-quet');
    const res = await post(
      t.app,
      receiver,
      '/api/v1/dossiers/counter',
      {
        ...householdRegistration({ channel: undefined, attachments: [{ componentId: 'giay-de-nghi', fileId: scanned }] }),
        paperComponents: ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan'],
        applicant: { fullName: 'Đỗ Thị Lan' },
        specialCaseReason: 'Không có điện thoại thông minh',
      },
      randomUUID(),
    );
    assert.equal(res.statusCode, 201, res.body);
    const code = res.json().code;
    const before = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
    assert.equal(before.componentsTotal, 2);
    assert.equal(before.componentsDigitized, 1);
    const paper = before.attachments.find((a: { componentId: string }) => a.componentId === 'giay-to-phap-ly-ca-nhan');
    assert.equal(paper.digitized, false);

    const scan = await uploaded(t.ctx, receiver, 'cccd-quet');
    const done = await post(t.app, receiver, `/api/v1/dossiers/${code}/digitize`, {
      componentId: 'giay-to-phap-ly-ca-nhan',
      fileId: scan,
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().componentsDigitized, 2);
    assert.equal(done.json().componentsTotal, 2);
    assert.ok(done.json().attachments.every((a: { digitized: boolean }) => a.digitized));
    const citizenTries = await post(t.app, citizen, `/api/v1/dossiers/${code}/digitize`, {
      componentId: 'giay-de-nghi',
      fileId: scan,
    });
    assert.equal(citizenTries.statusCode, 403, 'digitizing is desk work');
  });

  test('a hotline operator files for a caller: channel phone, result by post', async () => {
    const hotline = await login(t.app, 'hotline');
    const res = await post(
      t.app,
      hotline,
      '/api/v1/dossiers/hotline',
      { ...householdRegistration({ channel: undefined, delivery: 'post' }), applicant: { fullName: 'Phạm Văn Cá' } },
      randomUUID(),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().channel, 'phone');
    assert.equal(res.json().status, 'new');
  });
});
