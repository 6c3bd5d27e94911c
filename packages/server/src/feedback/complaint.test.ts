import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileOnline, get, householdForm, login, post, uploaded } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { drainOutbox, expandOutbox } from '../notifications/dispatcher';
import { recordingChannels } from '../notifications/notifications.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let leader: SignedIn;
let otherReceiver: SignedIn;
let hotline: SignedIn;
let admin: SignedIn;
let dossierCode: string;

// Monday 30 Nov 2026, 09:00 in Vietnam.
const START = new Date('2026-11-30T02:00:00Z');

before(async () => {
  t = await createTestApp({ now: START });
  [citizen, receiver, leader, otherReceiver, hotline, admin] = await Promise.all([
    login(t.app, 'citizen'),
    login(t.app, 'receiver'),
    login(t.app, 'leader'),
    login(t.app, 'otherReceiver'),
    login(t.app, 'hotline'),
    login(t.app, 'provinceAdmin'),
  ]);
  dossierCode = (await fileOnline(t.app, citizen, { form: { ...householdForm(), businessName: 'Hộ kinh doanh Phản Ánh' } })).code;
});
after(() => t.close());

const file = (payload: unknown) => post(t.app, citizen, '/api/v1/complaints', payload);
const answer = (who: SignedIn, code: string, text: string) =>
  post(t.app, who, `/api/v1/officer/complaints/${code}/answer`, { answer: text });

async function deliveries(userId: string) {
  await expandOutbox(t.ctx);
  return t.ctx.db
    .selectFrom('notificationDelivery')
    .select(['channel', 'recipient', 'title', 'body'])
    .where('userId', '=', userId)
    .execute();
}

test('a complaint about a dossier, with an attached file, reaches its agency with a 10-working-day deadline; the desk answers; the citizen reads it', async () => {
  const scan = await uploaded(t.ctx, citizen, 'ban-chup-phan-anh');
  const res = await file({
    kind: 'complaint',
    dossierCode: dossierCode.toLowerCase(),
    subject: 'Cán bộ hẹn nhiều lần',
    content: 'Tôi đã đến bộ phận một cửa ba lần mà vẫn chưa được hướng dẫn đầy đủ giấy tờ cần bổ sung.',
    attachments: [scan],
  });
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  assert.match(c.code, /^PAKN-301126-[0-9A-F]{6}$/);
  assert.equal(c.agencyCode, 'UBND.21025');
  assert.equal(c.agencyName, 'Ủy ban nhân dân phường Cẩm Thành');
  assert.equal(c.status, 'open');
  // Mon 30 Nov 09:00 + 10 working days = Mon 14 Dec 09:00.
  assert.equal(c.dueAt, '2026-12-14T02:00:00.000Z');
  assert.equal(c.attachments.length, 1);

  const toDesk = await deliveries(receiver.body.user.id);
  assert.ok(toDesk.some((d) => d.channel === 'in_app' && d.title === `Phản ánh, kiến nghị mới ${c.code}`));
  assert.equal(
    (await deliveries(otherReceiver.body.user.id)).some((d) => d.title.includes(c.code)),
    false,
    'not another commune',
  );

  const inbox = await get(t.app, receiver, '/api/v1/officer/complaints?status=open');
  const listed = inbox.json().items.find((i: { code: string }) => i.code === c.code);
  assert.ok(listed);
  assert.equal(listed.citizenName, 'Nguyễn Văn An');
  assert.equal(listed.canAnswer, true);
  const fileAtDesk = await get(t.app, receiver, listed.attachments[0].url);
  assert.equal(fileAtDesk.statusCode, 200);
  assert.equal(fileAtDesk.headers['content-type'], 'application/pdf');
  assert.equal((await get(t.app, otherReceiver, listed.attachments[0].url)).statusCode, 404);
  assert.equal((await get(t.app, otherReceiver, '/api/v1/officer/complaints')).json().items.length, 0);
  assert.equal((await answer(otherReceiver, c.code, 'Chúng tôi đã ghi nhận phản ánh.')).statusCode, 404);
  assert.equal(
    (await answer(admin, c.code, 'Tỉnh đã ghi nhận phản ánh này.')).statusCode,
    403,
    'the province reads, the agency answers',
  );

  // Two officers answer at once: one answer stands.
  const [a, b] = await Promise.all([
    answer(receiver, c.code, 'Bộ phận một cửa xin tiếp thu; đã hướng dẫn lại và hẹn ông ngày 02/12.'),
    answer(leader, c.code, 'Lãnh đạo UBND phường đã chỉ đạo hướng dẫn đầy đủ một lần.'),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const winner = (a.statusCode === 200 ? a : b).json();

  const mine = await get(t.app, citizen, `/api/v1/complaints/${c.code}`);
  assert.equal(mine.json().status, 'answered');
  assert.equal(mine.json().answer, winner.answer);
  assert.ok(mine.json().answeredBy);
  assert.equal(mine.json().overdue, false);
  const told = await deliveries(citizen.body.user.id);
  assert.ok(told.some((d) => d.channel === 'in_app' && d.title === `Phản ánh, kiến nghị ${c.code} đã được trả lời`));
  assert.ok(
    told.some((d) => d.channel === 'sms' && d.recipient === '0905000001' && d.body.includes(c.code)),
    'and by SMS',
  );
  const list = await get(t.app, citizen, '/api/v1/complaints');
  assert.equal(list.json().items[0].code, c.code);
  await drainOutbox(t.ctx, recordingChannels().channels);
  const inApp = (await get(t.app, citizen, '/api/v1/notifications')).json().items;
  const answered = inApp.find((n: { title: string }) => n.title === `Phản ánh, kiến nghị ${c.code} đã được trả lời`);
  assert.equal(answered.url, `/phan-anh/${c.code}`, 'the notification opens the complaint, not a dossier page');
  const filedAtDesk = (await get(t.app, receiver, '/api/v1/notifications?limit=200')).json().items;
  assert.equal(filedAtDesk.find((n: { title: string }) => n.title.includes(c.code)).url, '/can-bo/phan-anh');
});

test('a recommendation about a procedure goes to the public service centre', async () => {
  const res = await file({
    kind: 'recommendation',
    procedureCode: '1.001612',
    subject: 'Giảm bớt giấy tờ',
    content: 'Đề nghị không yêu cầu bản sao căn cước khi đã đăng nhập bằng VNeID.',
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().agencyCode, 'TTPVHCC');
  const hotlineList = await get(t.app, hotline, '/api/v1/officer/complaints');
  assert.equal(hotlineList.statusCode, 200);
  assert.equal(hotlineList.json().items.length, 0, 'the hotline operator does not answer complaints');
  const all = await get(t.app, admin, '/api/v1/officer/complaints');
  assert.equal(all.json().items.length, 2, 'the province administrator reads every one');
});

test('refusals name the field: someone else’s dossier, no subject target, a file not uploaded by the citizen, short text', async () => {
  const base = {
    kind: 'complaint',
    subject: 'Chậm trả kết quả',
    content: 'Hồ sơ đã quá hạn mà chưa nhận được thư xin lỗi của cơ quan.',
  };
  const notMine = await file({ ...base, dossierCode: 'UBND.21025-261130-9999' });
  assert.equal(notMine.statusCode, 422);
  assert.equal(notMine.json().errors[0].field, 'body.dossierCode');
  const noTarget = await file(base);
  assert.equal(noTarget.statusCode, 400);
  assert.equal(noTarget.json().errors[0].field, 'body.procedureCode');
  const officersFile = await uploaded(t.ctx, receiver, 'tep-cua-can-bo');
  const stranger = await file({ ...base, dossierCode, attachments: [officersFile] });
  assert.equal(stranger.statusCode, 422);
  assert.equal(stranger.json().errors[0].field, 'body.attachments');
  const short = await file({ ...base, dossierCode, content: 'Chậm.' });
  assert.equal(short.statusCode, 400);
  assert.equal(short.json().errors[0].field, 'body.content');
  assert.equal((await get(t.app, receiver, '/api/v1/complaints')).statusCode, 403, 'officers use the desk list');
});

test('an open complaint past its deadline shows as overdue to the desk', async () => {
  const res = await file({
    kind: 'complaint',
    dossierCode,
    subject: 'Không ai nghe máy',
    content: 'Tôi gọi số điện thoại của bộ phận một cửa nhiều lần nhưng không ai nghe máy.',
  });
  assert.equal(res.statusCode, 201);
  t.setNow(new Date(START.getTime() + 20 * 24 * 3_600_000));
  const [r] = await Promise.all([login(t.app, 'receiver')]);
  const listed = (await get(t.app, r!, '/api/v1/officer/complaints?status=open')).json().items;
  assert.equal(listed[0].code, res.json().code, 'the oldest deadline first');
  assert.equal(listed[0].overdue, true);
});

test('the satisfaction indicator of the reports subtracts the dossiers complained about, each dossier once', async () => {
  // Two complaints so far, both about `dossierCode`: one dossier with complaints.
  const reader = await login(t.app, 'provinceAdmin');
  const report = await get(t.app, reader, '/api/v1/reports/indicators?from=2026-11-01&to=2026-12-31&groupBy=agency');
  assert.equal(report.statusCode, 200, report.body);
  const row = report.json().rows.find((r: { key: string }) => r.key === 'UBND.21025');
  const denominator = row.resolved + row.inProgress;
  const overdue = row.resolvedOverdue + row.inProgressOverdue;
  assert.ok(denominator > 0);
  assert.equal(row.rates.satisfaction, (denominator - overdue - 1) / denominator);
  assert.match(report.json().formulas.satisfaction.numerator, /phản ánh, kiến nghị/);
  const byMonth = await get(
    t.app,
    reader,
    '/api/v1/reports/indicators?from=2026-11-01&to=2026-12-31&groupBy=month&agency=UBND.21025',
  );
  const november = byMonth.json().rows.find((r: { key: string }) => r.key === '2026-11');
  const d = november.resolved + november.inProgress;
  assert.equal(november.rates.satisfaction, (d - november.resolvedOverdue - november.inProgressOverdue - 1) / d);
});
