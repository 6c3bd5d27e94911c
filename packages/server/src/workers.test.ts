import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { z } from 'zod';
import { fileOnline, get, login } from './dossiers/dossiers.test-helpers';
import { defineJob, startJobRunner } from './jobs/index';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  recordingChannels,
} from './notifications/notifications.test-helpers';
import { startWorkers, stopWorkers } from './workers';

let t: NotificationTestApp;
before(async () => {
  t = await createNotificationTestApp(new Date('2026-11-30T02:00:00Z'));
});
after(async () => {
  await stopWorkers();
  await t.close();
});

test('pg-boss workers on the app database drain the outbox by themselves, then stop cleanly', async () => {
  const citizen = await login(t.app, 'citizen');
  await startWorkers(t.ctx, { channels: recordingChannels().channels, pollMs: 200 });
  const { code } = await fileOnline(t.app, citizen);
  await ensureNotified(t.ctx, code);

  let titles: string[] = [];
  for (let i = 0; i < 100 && !titles.includes(`Hồ sơ ${code} đã được gửi thành công`); i++) {
    await new Promise((r) => setTimeout(r, 200));
    titles = (await get(t.app, citizen, '/api/v1/notifications')).json().items.map((n: { title: string }) => n.title);
  }
  assert.ok(titles.includes(`Hồ sơ ${code} đã được gửi thành công`), JSON.stringify(titles));
  // The SMS gateway started with them sends the SMS to the local SMSC stand-in (no SMPP_URL), whose receipt says delivered.
  const smsStatus = async () =>
    (await sql<{ status: string }>`select status from sms_outbox where body like ${`%${code}%`}`.execute(t.ctx.db)).rows[0]
      ?.status;
  for (let i = 0; i < 50 && (await smsStatus()) !== 'delivered'; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await smsStatus(), 'delivered');

  const schedules = await sql<{ name: string }>`select name from pgboss.schedule`.execute(t.ctx.db);
  assert.deepEqual(schedules.rows.map((r) => r.name).sort(), ['deadline-sweep', 'postal-shipments', 'privacy-retention']);
  await stopWorkers();
  // A change after the stop stays in the outbox for the next start: nothing is lost.
  const later = await fileOnline(t.app, citizen);
  await ensureNotified(t.ctx, later.code);
  await new Promise((r) => setTimeout(r, 600));
  const pending = await sql<{ n: number }>`select count(*)::int as n from outbox_message where dispatched_at is null`.execute(
    t.ctx.db,
  );
  assert.equal(pending.rows[0]?.n, 1);
});

test("the runner runs a job of its definition's version with its payload, skips another version, and logs through pino", async () => {
  const lines: Array<{ msg: string; job?: string; n?: number }> = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const ran: number[] = [];
  const echo = defineJob({
    name: 'test-echo',
    version: 2,
    payload: z.object({ n: z.number() }),
    run: async (_ctx, payload) => void ran.push(payload.n),
    retry: { limit: 0 },
    fetchEverySeconds: 1,
  });
  const runner = await startJobRunner(t.ctx, [echo], { log });
  const logged = async (msg: string) => {
    for (let i = 0; i < 100 && !lines.some((l) => l.msg === msg); i++) await new Promise((r) => setTimeout(r, 100));
    return lines.find((l) => l.msg === msg);
  };
  try {
    // One at a time: the queue holds at most one waiting job.
    await runner.boss.send('test-echo', { version: 1, payload: { n: 1 } });
    assert.equal((await logged('job of another version skipped'))?.job, 'test-echo');
    await runner.boss.send('test-echo', { version: 2, payload: { n: 2 } });
    assert.equal((await logged('job done'))?.job, 'test-echo');
    assert.deepEqual(ran, [2]);
  } finally {
    await runner.stop();
  }
});
