import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { act, fileOnline, get, login } from '../dossiers/dossiers.test-helpers';
import { runDeadlineSweep } from './deadline-reminders';
import { drainOutbox } from './dispatcher';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  recordingChannels,
} from './notifications.test-helpers';

// Times in Quảng Ngãi (UTC+7): Monday 30 Nov 2026 09:00 …
const at = (local: string) => new Date(`${local}+07:00`);
const MONDAY_9AM = at('2026-11-30T09:00:00');
let t: NotificationTestApp;

before(async () => {
  t = await createNotificationTestApp(MONDAY_9AM);
});
after(() => t.close());

async function sweepAt(local: string) {
  t.setNow(at(local));
  return runDeadlineSweep(t.ctx, t.ctx.now());
}

test('one due-soon reminder and one overdue notice per due date, however often the sweep runs; the apology date gets its own', async () => {
  const citizen = await login(t.app, 'citizen');
  const { code } = await fileOnline(t.app, citizen);
  const received = await act(t.app, await login(t.app, 'receiver'), code, { type: 'receive' });
  assert.equal(received.statusCode, 200, received.body);
  assert.equal(received.json().dueAt, at('2026-12-02T14:00:00').toISOString()); // Wednesday 14:00

  assert.deepEqual(await sweepAt('2026-11-30T10:00:00'), { dueSoon: [], overdue: [] }, 'two working days left');
  assert.deepEqual(await sweepAt('2026-12-01T15:00:00'), { dueSoon: [code], overdue: [] }, 'due within the next working day');
  assert.deepEqual(await sweepAt('2026-12-01T15:05:00'), { dueSoon: [], overdue: [] }, 'not twice');

  await drainOutbox(t.ctx, recordingChannels().channels);
  const leader = await login(t.app, 'leader');
  const receiver = await login(t.app, 'receiver');
  for (const officer of [leader, receiver]) {
    const items = (await get(t.app, officer, '/api/v1/notifications')).json().items as Array<{ title: string; body: string }>;
    const reminders = items.filter((n) => n.title === `Hồ sơ ${code} sắp đến hạn`);
    assert.equal(reminders.length, 1);
    assert.match(reminders[0]?.body ?? '', /02\/12\/2026 14:00.*phiếu xin lỗi/);
  }
  const citizenItems = (await get(t.app, await login(t.app, 'citizen'), '/api/v1/notifications')).json().items as Array<{
    title: string;
  }>;
  assert.ok(!citizenItems.some((n) => n.title.includes('sắp đến hạn')), 'reminders are for the officers');

  // The desk cannot make it: before the due time it apologises and sets a new date (Friday 14:00).
  t.setNow(at('2026-12-02T11:00:00'));
  const apology = await act(t.app, await login(t.app, 'receiver'), code, {
    type: 'issue_apology',
    reason: 'Cần xác minh thêm địa điểm kinh doanh',
    newDueAt: at('2026-12-04T14:00:00').toISOString(),
  });
  assert.equal(apology.statusCode, 200, apology.body);
  await ensureNotified(t.ctx, code);
  await drainOutbox(t.ctx, recordingChannels().channels);
  const told = (await get(t.app, await login(t.app, 'citizen'), '/api/v1/notifications')).json().items as Array<{ body: string }>;
  assert.match(told[0]?.body ?? '', /xin lỗi.*Ngày hẹn trả kết quả mới: 04\/12\/2026 14:00/);

  assert.deepEqual(await sweepAt('2026-12-02T15:00:00'), { dueSoon: [], overdue: [] }, 'the old date no longer counts');
  assert.deepEqual(await sweepAt('2026-12-03T15:00:00'), { dueSoon: [code], overdue: [] }, 'the new date is reminded once');
  assert.deepEqual(await sweepAt('2026-12-04T15:00:00'), { dueSoon: [], overdue: [code] });
  assert.deepEqual(await sweepAt('2026-12-04T16:00:00'), { dueSoon: [], overdue: [] }, 'overdue is said once');

  const reminders = await t.ctx.db.selectFrom('deadlineReminder').select(['kind']).execute();
  assert.deepEqual(reminders.map((r) => r.kind).sort(), ['due_soon', 'due_soon', 'overdue']);
  const dossier = (await get(t.app, await login(t.app, 'receiver'), `/api/v1/dossiers/${code}`)).json();
  assert.equal(dossier.status, 'received', 'the sweep changes no dossier');
});
