import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { act, fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import type { SignedIn } from './identity.test-helpers';

let t: TestApp;
let admin: SignedIn;
let receiver: SignedIn;
let citizen: SignedIn;
let leaver: SignedIn;

before(async () => {
  t = await createTestApp();
  [admin, receiver, citizen, leaver] = await Promise.all([
    login(t.app, 'provinceAdmin'),
    login(t.app, 'receiver'),
    login(t.app, 'citizen'),
    login(t.app, 'specialist'),
  ]);
});
after(() => t.close());

let phones = 0;
async function createSpecialist(agencyCode: string, fullName: string) {
  const res = await post(t.app, admin, '/api/v1/admin/staff', {
    fullName,
    phone: `09124${String(++phones).padStart(5, '0')}`,
    roles: [{ role: 'specialist', agencyCode }],
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string };
}

/** A dossier at UBND phường Cẩm Thành, received and assigned to the demo specialist. */
async function assignedToLeaver(): Promise<string> {
  const { code } = await fileOnline(t.app, citizen);
  assert.equal((await act(t.app, receiver, code, { type: 'receive' })).statusCode, 200);
  const res = await act(t.app, receiver, code, { type: 'assign', specialistId: leaver.body.user.id });
  assert.equal(res.statusCode, 200, res.body);
  return code;
}

const handover = (body: Record<string, unknown>) =>
  post(t.app, admin, `/api/v1/admin/staff/${leaver.body.user.id}/handover`, body);

describe('handover of an officer going on leave', () => {
  test('refuses anyone but another active specialist of the same agency, in Vietnamese', async () => {
    await assignedToLeaver();
    const elsewhere = await createSpecialist('UBND.21040', 'Kha Văn Xa');
    for (const toUserId of [citizen.body.user.id, receiver.body.user.id, elsewhere.id, leaver.body.user.id, 'abc']) {
      const res = await handover({ toUserId });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().errors[0].field, 'body.toUserId');
      assert.match(res.json().errors[0].message, /chuyên viên khác đang làm việc/);
    }
    const none = await handover({ toUserId: null });
    assert.equal(none.statusCode, 422, 'a leave with dossiers held needs a successor');
  });

  test("moves the officer's open dossiers, records each as an assignment event and in the audit", async () => {
    const codes = [await assignedToLeaver(), await assignedToLeaver()];
    const successor = await createSpecialist('UBND.21025', 'Kha Thị Nhận');
    const res = await handover({ toUserId: successor.id, leave: true });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    for (const code of codes) assert.ok(body.moved.includes(code), code);
    assert.equal(body.staff.onLeave, true);

    const dossier = await get(t.app, receiver, `/api/v1/dossiers/${codes[0]}`);
    assert.equal(dossier.json().assigneeId, successor.id);
    const assigns = (dossier.json().timeline as { event: string }[]).filter((e) => e.event === 'assign');
    assert.equal(assigns.length, 2, 'the handover is an event of its own');

    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select(['recordType', 'recordId', 'change'])
      .where('action', '=', `POST /api/v1/admin/staff/${leaver.body.user.id}/handover`)
      .where('statusCode', '=', 200)
      .execute();
    assert.ok(audit.some((a) => a.recordType === 'dossier' && a.recordId === codes[0]));
    const account = audit.find((a) => a.recordType === 'user_account');
    const change = (typeof account?.change === 'string' ? JSON.parse(account.change) : account?.change) as {
      before: { onLeave: boolean };
      after: { onLeave: boolean; moved: string[] };
    };
    assert.equal(change.before.onLeave, false);
    assert.equal(change.after.onLeave, true);
    assert.ok(change.after.moved.includes(codes[1] as string));
  });

  test('an officer on leave is not offered nor assignable until back', async () => {
    const picker = await get(t.app, receiver, '/api/v1/officer/agencies/UBND.21025/staff?role=specialist');
    const ids = (picker.json().items as { id: string }[]).map((s) => s.id);
    assert.ok(!ids.includes(leaver.body.user.id));
    const { code } = await fileOnline(t.app, citizen);
    assert.equal((await act(t.app, receiver, code, { type: 'receive' })).statusCode, 200);
    const refused = await act(t.app, receiver, code, { type: 'assign', specialistId: leaver.body.user.id });
    assert.equal(refused.statusCode, 422);

    const back = await post(t.app, admin, `/api/v1/admin/staff/${leaver.body.user.id}/back-from-leave`, {});
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().onLeave, false);
    assert.equal((await act(t.app, receiver, code, { type: 'assign', specialistId: leaver.body.user.id })).statusCode, 200);
  });

  test('a double tap moves each dossier once', async () => {
    const code = await assignedToLeaver();
    const successor = await createSpecialist('UBND.21025', 'Kha Văn Đôi');
    const [a, b] = await Promise.all([
      handover({ toUserId: successor.id, leave: false }),
      handover({ toUserId: successor.id, leave: false }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode], [200, 200]);
    const moved = [...a.json().moved, ...b.json().moved].filter((c: string) => c === code);
    assert.equal(moved.length, 1, 'moved by one of the two');
    const dossier = await get(t.app, receiver, `/api/v1/dossiers/${code}`);
    assert.equal(dossier.json().assigneeId, successor.id);
  });

  test('only administrators hand over', async () => {
    const res = await post(t.app, receiver, `/api/v1/admin/staff/${leaver.body.user.id}/handover`, { toUserId: null });
    assert.equal(res.statusCode, 403);
  });
});
