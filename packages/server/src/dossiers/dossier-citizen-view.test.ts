import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { SignedIn } from '../identity/identity.test-helpers';
import { NAME_PENDING } from '../registry/name-claims';
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
} from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  [citizen, receiver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver')]);
});
after(() => t.close());

async function file(businessName: string) {
  const attachments = await registrationAttachments(t.ctx, citizen);
  const body = householdRegistration({ attachments, form: { ...householdForm(), businessName } });
  return post(t.app, citizen, '/api/v1/dossiers', body, randomUUID());
}

test('the name check before filing counts open dossiers too, whatever the case of the name', async () => {
  const first = await file('Hộ kinh doanh Bích Ngọc');
  assert.equal(first.statusCode, 201, first.body);
  const check = (name: string) =>
    get(t.app, citizen, `/api/v1/household-businesses/name-check?name=${encodeURIComponent(name)}&unitCode=21025`);
  assert.deepEqual((await check('Hộ kinh doanh bích ngọc')).json(), { available: false, problems: [NAME_PENDING] });
  assert.deepEqual((await check('HỘ KINH DOANH BÍCH NGỌC')).json(), { available: false, problems: [NAME_PENDING] });
  assert.equal((await check('Hộ kinh doanh Bích Ngọc Hai')).json().available, true, 'another name is free');
});

test('a name another open dossier asks for, in another case, is refused at filing on its field, and the dossier is not stored', async () => {
  const first = await file('Hộ kinh doanh Trùng Tên');
  assert.equal(first.statusCode, 201, first.body);
  const again = await file('hộ kinh doanh trùng tên');
  assert.equal(again.statusCode, 400, again.body);
  const errors = again.json().errors as Array<{ field: string; message: string }>;
  assert.deepEqual(
    errors.map((e) => e.field),
    ['body.form.businessName'],
  );
  assert.match(errors[0]!.message, /đang được đề nghị đăng ký trong một hồ sơ khác/);
  assert.ok(errors[0]!.message.includes(first.json().code), 'names the dossier that asked first');
  const mine = (await get(t.app, citizen, '/api/v1/dossiers?limit=100')).json();
  const names = JSON.stringify(mine).toLocaleLowerCase('vi').split('hộ kinh doanh trùng tên').length - 1;
  assert.ok(names <= 1, 'only the first filing is among the dossiers');
});

test('filings of one name sent at once: whichever got through, only the first filed is received, the others are refused at reception on the name', async () => {
  const name = 'Hộ kinh doanh Cùng Lúc';
  const answers = await Promise.all([name, name.toUpperCase(), name.toLowerCase(), name].map((n) => file(n)));
  const filed = answers.filter((a) => a.statusCode === 201).map((a) => a.json() as { code: string; submittedAt: string });
  for (const refused of answers.filter((a) => a.statusCode !== 201)) {
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().errors[0].field, 'body.form.businessName');
  }
  assert.ok(filed.length >= 1, 'at least one filing got through');
  const byFiling = [...filed].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.code.localeCompare(b.code));
  const receptions = [];
  for (const d of byFiling.reverse())
    receptions.push({ code: d.code, res: await act(t.app, receiver, d.code, { type: 'receive' }) });
  const received = receptions.filter((r) => r.res.statusCode === 200);
  assert.equal(received.length, 1, JSON.stringify(receptions.map((r) => [r.code, r.res.statusCode])));
  assert.equal(received[0]!.code, byFiling[byFiling.length - 1]!.code, 'the first filed keeps the name');
  for (const r of receptions.filter((x) => x.res.statusCode !== 200)) {
    assert.equal(r.res.statusCode, 400, r.res.body);
    assert.equal(r.res.json().errors[0].field, 'form.businessName');
  }
});

test('the dossier page gives, before reception, the date the filing answer gave, and says why an online one is earlier', async () => {
  const filed = await file('Hộ kinh doanh Hẹn Trả');
  assert.equal(filed.statusCode, 201, filed.body);
  const { code, expectedDueAt } = filed.json();
  assert.ok(expectedDueAt, 'the filing answer gives a date');
  const before = (await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json();
  assert.equal(before.dueAt, null, 'not received yet');
  assert.equal(before.expectedDueAt, expectedDueAt);
  assert.equal(before.onlineReductionPercent, 20, 'the online cut is said');
  const officerView = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
  assert.equal(officerView.expectedDueAt, expectedDueAt, 'the desk sees the same date');
  assert.equal((await act(t.app, receiver, code, { type: 'receive' })).statusCode, 200);
  const after = (await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json();
  assert.ok(after.dueAt, 'received: the due date');
  assert.equal(after.expectedDueAt, after.dueAt);
});

test("an officer's note (the assignment's \"Đề nghị xử lý sớm\") is internal: the applicant's history shows the step, not the note", async () => {
  const specialist = await login(t.app, 'specialist');
  const { code } = await fileOnline(t.app, citizen, { form: { ...householdForm(), businessName: 'Hộ kinh doanh Ghi Chú' } });
  assert.equal((await act(t.app, receiver, code, { type: 'receive', note: 'Đã kiểm tra bản gốc' })).statusCode, 200);
  const assigned = await act(t.app, receiver, code, {
    type: 'assign',
    specialistId: specialist.body.user.id,
    note: 'Đề nghị xử lý sớm',
  });
  assert.equal(assigned.statusCode, 200, assigned.body);
  const mine = (await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json();
  assert.ok(
    mine.timeline.some((e: { event: string }) => e.event === 'assign'),
    'the step itself is shown',
  );
  assert.equal(JSON.stringify(mine.timeline).includes('Đề nghị xử lý sớm'), false);
  assert.equal(JSON.stringify(mine.timeline).includes('Đã kiểm tra bản gốc'), false);
  const desk = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
  assert.ok(
    desk.timeline.some((e: { note: string | null }) => e.note === 'Đề nghị xử lý sớm'),
    'the desk still reads it',
  );
});

test('the dossier names its procedure and papers in English too, for a citizen reading the app in English', async () => {
  const { code } = await fileOnline(t.app, citizen);
  const d = (await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json() as {
    procedureName: string;
    procedureNameEn?: string;
    attachments: Array<{ componentName: string; componentNameEn?: string }>;
  };
  assert.equal(d.procedureName, 'Đăng ký thành lập hộ kinh doanh');
  assert.equal(d.procedureNameEn, 'Household business registration');
  assert.deepEqual(
    d.attachments.map((a) => a.componentNameEn),
    [
      'Application for household business registration',
      'Copies of the personal identity papers of the owner and of the household members registering the business',
    ],
  );
  const mine = (await get(t.app, citizen, '/api/v1/dossiers')).json() as {
    items: Array<{ code: string; procedureNameEn?: string }>;
  };
  assert.equal(mine.items.find((i) => i.code === code)?.procedureNameEn, 'Household business registration');
});
