import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { fileOnline, get, login, PHONES } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import type { ExternalChannels } from './channels';
import { drainOutbox } from './dispatcher';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  recordingChannels,
} from './notifications.test-helpers';
import { internationalNumber } from './smpp-channel';
import { createZnsSender, type ZnsSender } from './zns-channel';

// The ZNS sender over HTTP against the local stand-in of Zalo's API (started by the first message).
let t: NotificationTestApp;
let citizen: SignedIn;
let zns: ZnsSender;
let channels: ExternalChannels;

before(async () => {
  t = await createNotificationTestApp(new Date('2026-11-30T02:00:00Z'));
  citizen = await login(t.app, 'citizen');
  zns = createZnsSender(t.ctx.config.notifications);
  channels = { ...recordingChannels().channels, zns };
});
after(async () => {
  await (await zns.standIn())?.close();
  await t.close();
});

const put = (who: SignedIn, zalo: boolean) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/v1/notifications/preferences',
    payload: { zalo },
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
  });
const smsAbout = async (code: string) =>
  (await sql<{ body: string }>`select body from sms_outbox where body like ${`%${code}%`}`.execute(t.ctx.db)).rows;
const deliveriesAbout = async (code: string) =>
  (
    await sql<{ channel: string; status: string; lastError: string | null }>`
      select channel, status, last_error from notification_delivery where dossier_code = ${code} and channel in ('sms', 'zns')
       order by id`.execute(t.ctx.db)
  ).rows;

async function fileAndDrain() {
  const { code } = await fileOnline(t.app, citizen);
  await ensureNotified(t.ctx, code);
  await drainOutbox(t.ctx, channels);
  return code;
}

describe('Zalo notices for citizens who opted in', () => {
  test('a citizen who chose Zalo gets the notice as a ZNS template message and no SMS', async () => {
    assert.equal((await get(t.app, citizen, '/api/v1/notifications/preferences')).json().zalo, false, 'SMS by default');
    // A double tap on the switch: both answered, one choice stored.
    const saved = await Promise.all([put(citizen, true), put(citizen, true)]);
    assert.deepEqual(
      saved.map((r) => r.statusCode),
      [200, 200],
      saved[0]?.body,
    );
    assert.equal((await get(t.app, citizen, '/api/v1/notifications/preferences')).json().zalo, true);

    const code = await fileAndDrain();
    const standIn = await zns.standIn();
    const message = standIn?.received.find((r) => r.templateData.ma_ho_so === code);
    assert.ok(message, 'Zalo received the template message');
    assert.equal(message.phone, internationalNumber(PHONES.citizen));
    assert.equal(message.templateId, t.ctx.config.notifications.ZNS_TEMPLATE_ID);
    assert.match(message.templateData.tieu_de ?? '', new RegExp(`Hồ sơ ${code}`));
    assert.match(String(message.trackingId), /^delivery-\d+$/);
    assert.deepEqual(await smsAbout(code), [], 'no SMS besides');
    assert.deepEqual(
      (await deliveriesAbout(code)).map((d) => [d.channel, d.status]),
      [['zns', 'sent']],
    );
  });

  test('when Zalo refuses the message (no Zalo account), the notice goes by SMS once', async () => {
    const standIn = await zns.standIn();
    standIn?.notOnZalo.add(internationalNumber(PHONES.citizen));
    const code = await fileAndDrain();
    await drainOutbox(t.ctx, channels);
    const sms = await smsAbout(code);
    assert.equal(sms.length, 1, 'one SMS instead');
    assert.match(sms[0]?.body ?? '', new RegExp(`^DVC Quang Ngai: .*${code}`));
    const deliveries = await deliveriesAbout(code);
    assert.deepEqual(
      deliveries.map((d) => [d.channel, d.status]),
      [
        ['zns', 'failed'],
        ['sms', 'sent'],
      ],
    );
    assert.match(String(deliveries[0]?.lastError), /-118/);
    standIn?.notOnZalo.clear();
  });

  test('when Zalo cannot be reached, the notice goes by SMS', async () => {
    const unreachable = createZnsSender({ ...t.ctx.config.notifications, ZNS_URL: 'http://127.0.0.1:9', ZNS_ACCESS_TOKEN: 'x' });
    const { code } = await fileOnline(t.app, citizen);
    await ensureNotified(t.ctx, code);
    await drainOutbox(t.ctx, { ...channels, zns: unreachable });
    assert.equal((await smsAbout(code)).length, 1);
  });

  test('a citizen who turned Zalo off again gets SMS', async () => {
    assert.equal((await put(citizen, false)).statusCode, 200);
    const code = await fileAndDrain();
    assert.equal((await smsAbout(code)).length, 1);
    assert.deepEqual(
      (await deliveriesAbout(code)).map((d) => d.channel),
      ['sms'],
    );
  });
});
