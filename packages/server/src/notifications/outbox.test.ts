import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DossierEventType } from '@dvc/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { applyDossierEvent } from '../dossiers/dossier-events.service';
import { fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import type { DossierRow } from '../dossiers/index';
import type { Actor } from '../identity/actor';
import type { SignedIn } from '../identity/identity.test-helpers';
import { drainOutbox, recordDeliveries } from './dispatcher';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  outboxFor,
  recordingChannels,
} from './notifications.test-helpers';
import { notifyDossierChange } from './outbox';

// Monday 30 Nov 2026, 09:00 in Quảng Ngãi.
const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
let t: NotificationTestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let receiverActor: Actor;

before(async () => {
  t = await createNotificationTestApp(MONDAY_9AM);
  [citizen, receiver] = await Promise.all([login(t.app, 'citizen'), login(t.app, 'receiver')]);
  receiverActor = {
    userId: receiver.body.user.id,
    kind: 'officer',
    fullName: 'Cán bộ tiếp nhận',
    phone: null,
    provinceCode: t.ctx.config.PROVINCE_CODE,
    roles: [{ role: 'receiver', agencyCode: 'UBND.21025', unitCode: '21025' }],
    sessionId: 'test',
  };
});
after(() => t.close());

/** What a dossier service does in its transaction, unless it already does (see ensureNotified). */
async function notifyUnlessWired(trx: Kysely<Database>, row: DossierRow, event: DossierEventType) {
  const found = await sql<{ n: number }>`select count(*)::int as n from outbox_message
    where payload->>'code' = ${row.code} and payload->>'event' = ${event}`.execute(trx);
  if (found.rows[0]?.n === 0) {
    await notifyDossierChange(trx, {
      row,
      record: { event, at: t.ctx.now(), payload: { type: 'receive', dueAt: row.dueAt as Date } },
    });
  }
}

const receiveMessages = async (code: string) =>
  (await outboxFor(t.ctx, code)).filter((m) => (m.payload as { event?: string }).event === 'receive');

describe('the outbox is written with the state change', () => {
  test('a rolled-back change leaves no message; a committed one leaves exactly one, written inside its transaction', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await ensureNotified(t.ctx, code);

    await assert.rejects(
      applyDossierEvent(t.ctx, receiverActor, code, { type: 'receive' }, async (trx, row) => {
        await notifyUnlessWired(trx, row, 'receive');
        throw new Error('the audit write failed');
      }),
      /audit write failed/,
    );
    assert.equal((await receiveMessages(code)).length, 0, 'nothing announced for a change that did not happen');
    assert.equal((await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json().status, 'new');

    let seenInside = -1;
    const done = await applyDossierEvent(t.ctx, receiverActor, code, { type: 'receive' }, async (trx, row) => {
      await notifyUnlessWired(trx, row, 'receive');
      const inside = await sql<{ n: number }>`select count(*)::int as n from outbox_message
        where payload->>'code' = ${code} and payload->>'event' = 'receive'`.execute(trx);
      seenInside = inside.rows[0]?.n ?? 0;
    });
    assert.equal(done.ok, true);
    assert.equal(seenInside, 1, 'the message exists inside the transaction of the change');
    const messages = await receiveMessages(code);
    assert.equal(messages.length, 1);
    assert.match(String((messages[0]?.payload as { dueAt?: string } | undefined)?.dueAt), /^2026-/);
  });
});

describe('draining', () => {
  test('the citizen is told once, even when the drain runs twice or stops between recording and dispatching', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await ensureNotified(t.ctx, code);
    const [message] = await outboxFor(t.ctx, code);
    assert.ok(message);
    // A worker recorded the deliveries and died before marking the message dispatched.
    await recordDeliveries(t.ctx.db, t.ctx, message);
    const { channels } = recordingChannels();
    await drainOutbox(t.ctx, channels);
    await drainOutbox(t.ctx, channels);

    const mine = (await get(t.app, citizen, '/api/v1/notifications')).json();
    const aboutIt = mine.items.filter((n: { dossierCode: string }) => n.dossierCode === code);
    assert.equal(aboutIt.length, 1, JSON.stringify(aboutIt));
    assert.equal(aboutIt[0].title, `Hồ sơ ${code} đã được gửi thành công`);

    const sms = await sql<{ body: string }>`select body from sms_outbox where body like ${`%${code}%`}`.execute(t.ctx.db);
    assert.equal(sms.rows.length, 1, 'one SMS to the applicant');

    const officer = (await get(t.app, receiver, '/api/v1/notifications')).json();
    assert.equal(
      officer.items.filter((n: { dossierCode: string }) => n.dossierCode === code).length,
      1,
      'the desk hears of the new dossier once',
    );
    const deliveries = await t.ctx.db
      .selectFrom('notificationDelivery')
      .select(['status'])
      .where('outboxId', '=', message.id)
      .execute();
    assert.ok(deliveries.every((d) => d.status === 'sent'));
    const after = await t.ctx.db
      .selectFrom('outboxMessage')
      .select('dispatchedAt')
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    assert.ok(after.dispatchedAt);
  });

  test('a notification is marked read by its owner only; the unread count follows', async () => {
    const before = (await get(t.app, citizen, '/api/v1/notifications')).json();
    assert.ok(before.unreadCount >= 1);
    const id = before.items[0].id;
    assert.equal((await post(t.app, receiver, `/api/v1/notifications/${id}/read`, {})).statusCode, 404, 'not the officer’s');
    const read = await post(t.app, citizen, `/api/v1/notifications/${id}/read`, {});
    assert.equal(read.statusCode, 200, read.body);
    const after = (await get(t.app, citizen, '/api/v1/notifications')).json();
    assert.equal(after.unreadCount, before.unreadCount - 1);
    assert.ok(after.items[0].readAt);
  });
});
