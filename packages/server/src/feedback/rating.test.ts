import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  act,
  fileOnline,
  get,
  householdForm,
  householdRegistration,
  login,
  post,
  registrationAttachments,
} from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { expandOutbox } from '../notifications/dispatcher';
import { createTestApp, type TestApp } from '../test/harness';
import { ratingToken } from './rating-link';
import { RATING_QUESTIONS } from './rating-questions';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let specialist: SignedIn;
let leader: SignedIn;
let admin: SignedIn;
let otherReceiver: SignedIn;
let clock = new Date('2026-11-30T02:00:00Z');
const DAY = 24 * 3_600_000;

/** Sessions end after 12 idle hours: after a jump of the clock everyone signs in again. */
async function signInAll() {
  [citizen, receiver, specialist, leader, admin, otherReceiver] = await Promise.all([
    login(t.app, 'citizen'),
    login(t.app, 'receiver'),
    login(t.app, 'specialist'),
    login(t.app, 'leader'),
    login(t.app, 'provinceAdmin'),
    login(t.app, 'otherReceiver'),
  ]);
}

before(async () => {
  t = await createTestApp({ now: clock, config: { PUBLIC_URL: 'https://dvc.quangngai.gov.vn' } });
  await signInAll();
});
after(() => t.close());

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
  t.setNow(clock);
};
let names = 0;
const uniqueForm = () => ({ ...householdForm(), businessName: `Hộ kinh doanh Đánh Giá ${++names}` });

/** Received, processed and returned by the desk of phường Cẩm Thành. */
async function returnResult(app: FastifyInstance, code: string) {
  const steps: Record<string, unknown>[] = [
    { type: 'assign', specialistId: specialist.body.user.id },
    { type: 'propose', outcome: 'approve', draft: 'Cấp giấy chứng nhận' },
    { type: 'approve' },
    { type: 'resolve' },
    { type: 'return_result', delivery: 'electronic' },
  ];
  const by = [receiver, specialist, leader, leader, receiver];
  for (const [i, step] of steps.entries()) {
    const res = await act(app, by[i]!, code, step);
    assert.equal(res.statusCode, 200, `${step.type}: ${res.body}`);
  }
}

const allAnswers = (level: string) => Object.fromEntries(RATING_QUESTIONS.map((q) => [q.code, level]));
const put = (who: SignedIn, code: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/dossiers/${code}/rating`,
    payload: payload as object,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
  });

test('a counter filer gets the rating link in the SMS and rates without an account; a wrong token finds nothing', async () => {
  const phone = '0912777001';
  const res = await post(
    t.app,
    receiver,
    '/api/v1/dossiers/counter',
    {
      ...householdRegistration({
        channel: undefined,
        form: uniqueForm(),
        attachments: await registrationAttachments(t.ctx, receiver),
      }),
      applicant: { fullName: 'Trần Văn Quầy', phone },
      specialCaseReason: 'Người cao tuổi, không sử dụng điện thoại thông minh',
    },
    randomUUID(),
  );
  assert.equal(res.statusCode, 201, res.body);
  const code = res.json().code as string;
  await returnResult(t.app, code);
  await expandOutbox(t.ctx);
  const sms = await t.ctx.db
    .selectFrom('notificationDelivery')
    .select(['body'])
    .where('channel', '=', 'sms')
    .where('recipient', '=', phone)
    .execute();
  const withLink = sms.map((s) => s.body).find((b) => b.includes('/danh-gia?'));
  assert.ok(withLink, sms.map((s) => s.body).join('\n'));
  const url = new URL(withLink.match(/https:\/\/\S+/)![0]);
  assert.equal(url.origin, 'https://dvc.quangngai.gov.vn');
  assert.equal(url.searchParams.get('ma'), code);
  const token = url.searchParams.get('t')!;

  const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/public/ratings/${code}?t=${'x'.repeat(32)}` });
  assert.equal(wrong.statusCode, 404);
  const none = await t.app.inject({ method: 'GET', url: `/api/v1/public/ratings/${code}` });
  assert.equal(none.statusCode, 404);
  const form = await t.app.inject({ method: 'GET', url: `/api/v1/public/ratings/${code}?t=${token}` });
  assert.equal(form.statusCode, 200);
  assert.equal(form.json().canRate, true);
  const given = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/public/ratings/${code}?t=${token}`,
    payload: { answers: allAnswers('very_satisfied') },
  });
  assert.equal(given.statusCode, 200, given.body);
  const forged = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/public/ratings/${code}?t=${ratingToken(randomUUID())}`,
    payload: { answers: allAnswers('dissatisfied') },
  });
  assert.equal(forged.statusCode, 404);
  const after = await t.app.inject({ method: 'GET', url: `/api/v1/public/ratings/${code}?t=${token}` });
  assert.equal(after.json().rating.answers.overall, 'very_satisfied');
});

test('an account holder is invited to rate on the dossier page, with no token in the message; officers do not rate', async () => {
  const { code } = await fileOnline(t.app, citizen, { form: uniqueForm() });
  // The applicant's own notification invites to the dossier page, no token.
  assert.equal((await act(t.app, receiver, code, { type: 'receive' })).statusCode, 200);
  await returnResult(t.app, code);
  await expandOutbox(t.ctx);
  const mine = await t.ctx.db
    .selectFrom('notificationDelivery')
    .select('body')
    .where('userId', '=', citizen.body.user.id)
    .where('channel', '=', 'in_app')
    .execute();
  const invitation = mine.map((m) => m.body).find((b) => b.includes(code) && b.includes('đánh giá'));
  assert.ok(invitation);
  assert.equal(invitation.includes('/danh-gia?'), false);
  assert.equal((await get(t.app, otherReceiver, `/api/v1/dossiers/${code}/rating`)).statusCode, 403, 'officers do not rate');
});

test('the applicant rates a returned dossier once, changes it within 7 days, and not after', async () => {
  const { code } = await fileOnline(t.app, citizen, { form: uniqueForm() });
  const early = await get(t.app, citizen, `/api/v1/dossiers/${code}/rating`);
  assert.equal(early.statusCode, 200);
  assert.equal(early.json().canRate, false, 'no rating before the result');
  assert.equal(early.json().questions.length, RATING_QUESTIONS.length);
  const tooEarly = await put(citizen, code, { answers: allAnswers('satisfied') });
  assert.equal(tooEarly.statusCode, 409);
  assert.equal(tooEarly.json().title, 'Hồ sơ chưa trả kết quả');

  assert.equal((await act(t.app, receiver, code, { type: 'receive' })).statusCode, 200);
  await returnResult(t.app, code);
  const open = await get(t.app, citizen, `/api/v1/dossiers/${code}/rating`);
  assert.equal(open.json().canRate, true);
  assert.equal(open.json().rating, null);

  const missing = await put(citizen, code, { answers: { overall: 'satisfied' } });
  assert.equal(missing.statusCode, 400, 'every question is answered');
  // A double tap: one rating.
  const [a, b] = await Promise.all([
    put(citizen, code, { answers: allAnswers('satisfied'), comment: 'Cán bộ hướng dẫn tận tình' }),
    put(citizen, code, { answers: allAnswers('satisfied'), comment: 'Cán bộ hướng dẫn tận tình' }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode], [200, 200]);
  const first = a.json();
  assert.equal(first.rating.comment, 'Cán bộ hướng dẫn tận tình');
  assert.equal(first.editableUntil, new Date(clock.getTime() + 7 * DAY).toISOString());

  advance(6 * DAY);
  await signInAll();
  const changed = await put(citizen, code, { answers: { ...allAnswers('satisfied'), timeliness: 'dissatisfied' } });
  assert.equal(changed.statusCode, 200);
  assert.equal(changed.json().rating.answers.timeliness, 'dissatisfied');
  assert.equal(changed.json().editableUntil, first.editableUntil, 'a change does not extend the window');

  advance(DAY + 1000);
  await signInAll();
  const late = await put(citizen, code, { answers: allAnswers('very_satisfied') });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().title, 'Đã hết thời gian sửa đánh giá');
  const kept = await get(t.app, citizen, `/api/v1/dossiers/${code}/rating`);
  assert.equal(kept.json().canRate, false);
  assert.equal(kept.json().rating.answers.timeliness, 'dissatisfied', 'the last rating in the window stands');
  const count = await t.ctx.db.selectFrom('dossierRating').select('dossierCode').where('dossierCode', '=', code).execute();
  assert.equal(count.length, 1, 'one rating per dossier');
});

test('the report counts ratings per agency, unit and procedure, limited to the officer’s agencies', async () => {
  const today = new Date(clock.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const q = (who: SignedIn, groupBy: string) =>
    get(t.app, who, `/api/v1/reports/ratings?from=2026-11-01&to=${today}&groupBy=${groupBy}`);
  const byAgency = await q(admin, 'agency');
  assert.equal(byAgency.statusCode, 200, byAgency.body);
  const row = byAgency.json().rows.find((r: { key: string }) => r.key === 'UBND.21025');
  assert.ok(row, byAgency.body);
  assert.equal(row.ratings, 2);
  assert.match(row.name, /Cẩm Thành/);
  // 6 questions × 2 ratings, one "dissatisfied": 11 of 12 satisfied.
  assert.equal(row.satisfiedPercent, 91.67, JSON.stringify(row));
  assert.equal(row.questions.timeliness.dissatisfied, 1);
  assert.equal(row.questions.timeliness.satisfiedPercent, 50);

  const byProcedure = await q(admin, 'procedure');
  assert.equal(byProcedure.json().rows[0].key, '1.001612');
  const byUnit = await q(admin, 'unit');
  assert.equal(byUnit.json().rows[0].key, '21025');
  const elsewhere = await q(otherReceiver, 'agency');
  assert.deepEqual(elsewhere.json().rows, [], 'the desk of Bình Sơn sees only its own agency');
  assert.equal((await q(citizen, 'agency')).statusCode, 403);
});
