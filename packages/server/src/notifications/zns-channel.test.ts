import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { fileOnline, get, login, PHONES } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createEmailSender, type ExternalChannels, type OutgoingDelivery } from './channels';
import { drainOutbox } from './dispatcher';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  outboxFor,
  recordingChannels,
} from './notifications.test-helpers';
import { planDeliveries } from './recipients';
import { internationalNumber } from './smpp-channel';
import type { DossierMessage } from './templates';
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

describe('notices in the language the citizen reads the app in', () => {
  const language = (who: SignedIn, value: 'vi' | 'en') =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      payload: { language: value },
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    });

  test('a citizen who chose English gets the SMS in English (GSM-7 text), keeping their Zalo choice', async () => {
    assert.equal((await get(t.app, citizen, '/api/v1/notifications/preferences')).json().language, 'vi', 'Vietnamese by default');
    assert.equal((await put(citizen, true)).statusCode, 200);
    const saved = await Promise.all([language(citizen, 'en'), language(citizen, 'en')]);
    assert.deepEqual(
      saved.map((r) => r.statusCode),
      [200, 200],
    );
    assert.deepEqual(
      (({ zalo, language }) => ({ zalo, language }))((await get(t.app, citizen, '/api/v1/notifications/preferences')).json()),
      { zalo: true, language: 'en' },
      'choosing the language leaves the Zalo choice as it was',
    );
    assert.equal((await put(citizen, false)).statusCode, 200);

    const code = await fileAndDrain();
    const sms = await smsAbout(code);
    assert.equal(sms.length, 1);
    assert.equal(sms[0]?.body, `DVC Quang Ngai: Dossier ${code} was sent and is waiting to be received by the office.`);
    assert.match(sms[0]?.body ?? '', /^[\x20-\x7e]+$/, 'plain GSM-7 text');
    const email = createEmailSender(t.ctx, t.ctx.config.notifications);
    const [delivery] = (
      await sql<OutgoingDelivery>`select id, recipient, user_id, dossier_code, title, body, language
        from notification_delivery where dossier_code = ${code} and channel = 'in_app'`.execute(t.ctx.db)
    ).rows;
    assert.equal(delivery?.language, 'en');
    await email({ ...delivery!, recipient: 'an@example.com' });
    const eml = readFileSync(join(t.ctx.config.DATA_DIR, 'mail', `${String(delivery!.id).padStart(8, '0')}.eml`), 'utf8').replace(
      /=\n/g,
      '',
    );
    assert.match(eml, /This is an automatic message; please do not reply\./, 'the e-mail’s own lines in English');
    const inApp = await get(t.app, citizen, '/api/v1/notifications');
    assert.ok(
      (inApp.json() as { items: Array<{ title: string }> }).items.some((n) => n.title === `Dossier ${code} was sent`),
      'the in-app notice in English too',
    );
  });

  test('the same event for a citizen who did not choose English is in Vietnamese', async () => {
    const code = await fileAndDrain();
    const message = (await outboxFor(t.ctx, code))[0]!.payload as unknown as DossierMessage;
    const other = await planDeliveries(t.ctx.db, t.ctx.config.PROVINCE_CODE, { ...message, applicantId: randomUUID() });
    assert.equal(
      other.find((d) => d.channel === 'sms')?.body,
      `DVC Quang Ngai: Hồ sơ ${code} đã được gửi thành công và đang chờ cơ quan tiếp nhận.`,
    );
    const mine = await planDeliveries(t.ctx.db, t.ctx.config.PROVINCE_CODE, message);
    assert.match(mine.find((d) => d.channel === 'sms')?.body ?? '', /was sent/);

    assert.equal((await language(citizen, 'vi')).statusCode, 200);
    const back = await fileAndDrain();
    assert.match((await smsAbout(back))[0]?.body ?? '', /^DVC Quang Ngai: Hồ sơ .* đã được gửi thành công/);
  });
});
