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
