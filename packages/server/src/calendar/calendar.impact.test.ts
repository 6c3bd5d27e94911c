import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { act, fileOnline, get, login } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let admin: SignedIn;
let receiver: SignedIn;
let citizen: SignedIn;

before(async () => {
  // Monday 2 Nov 2026, 09:00 in Vietnam.
  t = await createTestApp({ now: new Date('2026-11-02T02:00:00Z') });
  [admin, receiver, citizen] = await Promise.all([
    login(t.app, 'provinceAdmin'),
    login(t.app, 'receiver'),
    login(t.app, 'citizen'),
  ]);
});
after(() => t.close());

const send = (app: FastifyInstance, who: SignedIn, method: 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
  });

async function receivedDossier(): Promise<{ code: string; dueAt: string }> {
  const { code } = await fileOnline(t.app, citizen);
  const res = await act(t.app, receiver, code, { type: 'receive' });
  assert.equal(res.statusCode, 200, res.body);
  return { code, dueAt: res.json().dueAt };
}

test('a new day off lists the running dossiers whose due date it would move, and moves none of them', async () => {
  const running = await receivedDossier();
  const res = await send(t.app, admin, 'PUT', '/api/v1/calendar/overrides/2026-11-03', {
    kind: 'day_off',
    name: 'Nghỉ đột xuất (kiểm thử)',
  });
  assert.equal(res.statusCode, 200, res.body);
  const listed = res.json().affectedDossiers as { code: string; dueAt: string; dueAtWithChange: string }[];
  const mine = listed.find((d) => d.code === running.code);
  assert.ok(mine, 'the dossier received before the change is listed');
  assert.equal(mine.dueAt, running.dueAt);
  assert.ok(Date.parse(mine.dueAtWithChange) > Date.parse(mine.dueAt), 'a day off pushes it later');
  // Its promised due date stays what the receipt says.
  const stored = await get(t.app, receiver, `/api/v1/dossiers/${running.code}`);
  assert.equal(stored.json().dueAt, running.dueAt);

  // A dossier received after the change gets the changed calendar.
  const later = await receivedDossier();
  assert.equal(later.dueAt, mine.dueAtWithChange);

  // The audit has the day before (none) and after.
  const row = await t.ctx.db
    .selectFrom('auditLog')
    .select('change')
    .where('recordType', '=', 'calendar_override')
    .where('recordId', '=', '2026-11-03')
    .executeTakeFirstOrThrow();
  const change = (typeof row.change === 'string' ? JSON.parse(row.change) : row.change) as {
    before: unknown;
    after: { kind: string };
  };
  assert.equal(change.before, null);
  assert.equal(change.after.kind, 'day_off');

  // Removing it lists the dossiers again: both would now be due earlier.
  const del = await send(t.app, admin, 'DELETE', '/api/v1/calendar/overrides/2026-11-03');
  assert.equal(del.statusCode, 200, del.body);
  const codes = (del.json().affectedDossiers as { code: string }[]).map((d) => d.code);
  assert.ok(codes.includes(running.code) && codes.includes(later.code));
});

test('a change outside every running dossier, or one that keeps the day as it was, lists nobody', async () => {
  await receivedDossier();
  const far = await send(t.app, admin, 'PUT', '/api/v1/calendar/overrides/2027-03-15', {
    kind: 'day_off',
    name: 'Xa (kiểm thử)',
  });
  assert.equal(far.statusCode, 200, far.body);
  assert.deepEqual(far.json().affectedDossiers, []);
  // Wednesday 4 Nov is a working day already: writing it as one changes no due date.
  const same = await send(t.app, admin, 'PUT', '/api/v1/calendar/overrides/2026-11-04', {
    kind: 'working_day',
    name: 'Vẫn làm việc',
  });
  assert.equal(same.statusCode, 200);
  assert.deepEqual(same.json().affectedDossiers, []);
});

test('a receiver may not change the calendar, whatever the body', async () => {
  const res = await send(t.app, receiver, 'PUT', '/api/v1/calendar/overrides/2026-11-05', { nonsense: true });
  assert.equal(res.statusCode, 403);
});
