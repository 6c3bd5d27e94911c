import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SignedIn } from '../identity/identity.test-helpers';
import { outboxFor } from '../notifications/notifications.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { act, fileOnline, get, login, post } from './dossiers.test-helpers';

let t: TestApp;
let citizen: SignedIn;
let receiver: SignedIn;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  [citizen, receiver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver')]);
});
after(() => t.close());

const withdraw = (code: string, reason = 'Nộp nhầm thủ tục') =>
  post(t.app, citizen, `/api/v1/dossiers/${code}/withdraw`, { reason });

test('the citizen withdraws a received dossier: the desk gets the request, with its audit row and notification', async () => {
  const { code } = await fileOnline(t.app, citizen);
  await act(t.app, receiver, code, { type: 'receive' });
  const before = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
  assert.ok(before.json().availableEvents.includes('request_withdrawal'), 'offered while received');

  const res = await withdraw(code, 'Đổi địa điểm kinh doanh');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'withdrawal_requested');
  const last = res.json().timeline.at(-1);
  assert.equal(last.event, 'request_withdrawal');
  assert.equal(last.reason, 'Đổi địa điểm kinh doanh');
  assert.deepEqual(res.json().availableEvents, [], 'nothing more to do for the citizen');

  const audit = await t.ctx.db.selectFrom('auditLog').selectAll().where('recordId', '=', code).execute();
  assert.ok(
    audit.some((r) => r.action.includes('withdraw') && r.actorId === citizen.body.user.id && r.statusCode === 200),
    'audited as the citizen',
  );
  const messages = await outboxFor(t.ctx, code);
  assert.ok(messages.some((m) => (m.payload as { event?: string }).event === 'request_withdrawal'));

  const desk = await get(t.app, receiver, '/api/v1/officer/dossiers?tab=withdrawal');
  assert.ok(
    desk.json().items.some((d: { code: string }) => d.code === code),
    'in the desk "Xin rút" tab',
  );
  const accepted = await act(t.app, receiver, code, { type: 'accept_withdrawal' });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().status, 'withdrawn');
});

test('a double tap records one withdrawal request', async () => {
  const { code } = await fileOnline(t.app, citizen);
  const answers = await Promise.all([withdraw(code), withdraw(code)]);
  assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409]);
  const events = await t.ctx.db
    .selectFrom('dossierEvent')
    .innerJoin('dossier', 'dossier.id', 'dossierEvent.dossierId')
    .select('dossierEvent.type')
    .where('dossier.code', '=', code)
    .where('dossierEvent.type', '=', 'request_withdrawal')
    .execute();
  assert.equal(events.length, 1);
  const again = await withdraw(code);
  assert.equal(again.statusCode, 409, 'a third tap later is refused too');
});

test('where the law does not allow it (refused, already resolved or withdrawn) the answer is 409 in Vietnamese', async () => {
  const { code } = await fileOnline(t.app, citizen);
  const refused = await act(t.app, receiver, code, { type: 'refuse', reason: 'Không thuộc thẩm quyền' });
  assert.equal(refused.statusCode, 200, refused.body);
  const res = await withdraw(code);
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().title, 'Không thể yêu cầu rút hồ sơ đang ở trạng thái Không được tiếp nhận');
  const seen = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
  assert.equal(seen.json().availableEvents.includes('request_withdrawal'), false, 'the button is not offered');
});
