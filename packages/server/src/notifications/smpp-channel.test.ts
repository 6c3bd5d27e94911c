import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { fileOnline, login, PHONES } from '../dossiers/dossiers.test-helpers';
import type { AppContext } from '../http/context';
import type { SignedIn } from '../identity/identity.test-helpers';
import { queueSms } from '../identity/sms-outbox';
import { drainOutbox } from './dispatcher';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  recordingChannels,
} from './notifications.test-helpers';
import { internationalNumber, type SmsGateway, startSmsGateway } from './smpp-channel';
import { withoutDiacritics } from './sms-encoding';
import { smsState } from './sms-store';
import { startSmscStandIn } from './smsc-stand-in';

// Real SMPP over 127.0.0.1: the gateway against the SMSC stand-in it starts in the default mode.
let t: NotificationTestApp;
let citizen: SignedIn;
let live: AppContext;
let gateway: SmsGateway;
const RETRY_BASE_MS = 150;

function gatewayContext(overrides: Partial<AppContext['config']['notifications']> = {}): AppContext {
  // The gateway's clock is the real one: its retries are due after real milliseconds.
  return {
    ...t.ctx,
    now: () => new Date(),
    config: {
      ...t.ctx.config,
      notifications: {
        ...t.ctx.config.notifications,
        SMS_RETRY_BASE_MS: RETRY_BASE_MS,
        SMS_MAX_PER_SECOND: 200,
        ...overrides,
      },
    },
  };
}

before(async () => {
  t = await createNotificationTestApp(new Date('2026-11-30T02:00:00Z'));
  citizen = await login(t.app, 'citizen');
  live = gatewayContext();
  gateway = await startSmsGateway(live, { manual: true });
});
after(async () => {
  await gateway.stop();
  await t.close();
});

const smsLike = async (fragment: string) =>
  (
    await sql<{
      id: number;
      body: string;
    }>`select id, body from sms_outbox where body like ${`%${fragment}%`} order by id`.execute(t.ctx.db)
  ).rows;

/** Gateway rounds until `done` holds (receipts arrive on their own, a few ms after each part). */
async function until(done: () => Promise<boolean>, what: string, g = gateway, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) assert.fail(`timed out waiting for: ${what}`);
    await g.runOnce();
    await new Promise((r) => setTimeout(r, 20));
  }
}
const statusIs = (id: number, status: string) => async () => (await smsState(live, id))?.status === status;
const partsTo = (phone: string) => (gateway.standIn?.submitted ?? []).filter((p) => p.destination === internationalNumber(phone));

describe('SMS over SMPP to the SMSC stand-in', () => {
  test('a filed dossier reaches the SMSC as the Vietnamese text of its notice, in UCS-2, and its receipt marks it delivered', async () => {
    const { code } = await fileOnline(t.app, citizen);
    await ensureNotified(t.ctx, code);
    await drainOutbox(t.ctx, recordingChannels().channels);
    const [row] = await smsLike(code);
    assert.ok(row, 'the notice is queued as an SMS');
    assert.equal((await smsState(live, row.id))?.status, 'pending');

    await until(statusIs(row.id, 'delivered'), 'the receipt');
    const received = gateway.standIn?.messages().filter((m) => m.destination === internationalNumber(PHONES.citizen)) ?? [];
    const mine = received.find((m) => m.text.includes(code));
    assert.ok(mine, JSON.stringify(received));
    assert.equal(mine.text, row.body, 'the decoded submit_sm text is the notice, diacritics and all');
    assert.match(mine.text, /Hồ sơ/);
    for (const p of partsTo(PHONES.citizen).filter((p) => p.text && mine.text.includes(p.text)))
      assert.equal(p.dataCoding, 8, 'UCS-2');
    const state = await smsState(live, row.id);
    assert.ok(state?.deliveredAt, 'delivered at the receipt');
  });

  test('a long message goes as concatenated parts that reassemble to the whole text', async () => {
    const phone = '0905000101';
    const body = `Thông báo: ${'Hồ sơ của ông/bà đã được tiếp nhận và đang được giải quyết đúng hạn. '.repeat(4)}`.trim();
    await queueSms(t.ctx.db, t.ctx, phone, body);
    const [row] = await smsLike('đúng hạn. Hồ sơ');
    assert.ok(row);
    await until(statusIs(row.id, 'delivered'), 'all parts delivered');
    const parts = partsTo(phone);
    assert.equal(parts.length, Math.ceil(body.length / 67), 'UCS-2 parts of 67 characters');
    assert.ok(parts.every((p) => p.concat && p.concat.total === parts.length && (p.esmClass & 0x40) === 0x40));
    assert.deepEqual(
      parts.map((p) => p.concat?.seq),
      parts.map((_, i) => i + 1),
    );
    assert.equal(new Set(parts.map((p) => p.concat?.reference)).size, 1, 'one reference for all parts');
    assert.deepEqual(
      gateway.standIn
        ?.messages()
        .filter((m) => m.destination === internationalNumber(phone))
        .map((m) => m.text),
      [body],
    );
  });

  test('a throttling SMSC is retried with backoff; the part it had accepted is not sent again', async () => {
    const phone = '0905000102';
    const body = `Nhắc lịch hẹn trả kết quả: ${'mang theo giấy biên nhận và giấy tờ tùy thân khi đến nhận. '.repeat(2)}`.trim();
    // Part 1 is accepted, then part 2 is refused twice with ESME_RTHROTTLED.
    gateway.standIn?.refuseNext(2, { after: 1 });
    const started = Date.now();
    await queueSms(t.ctx.db, t.ctx, phone, body);
    const [row] = await smsLike('Nhắc lịch hẹn');
    assert.ok(row);
    await gateway.runOnce();
    const throttled = await smsState(live, row.id);
    assert.equal(throttled?.status, 'pending');
    assert.match(String(throttled?.lastError), /ESME_RTHROTTLED/);
    await gateway.runOnce();
    assert.equal((await smsState(live, row.id))?.attempts, 1, 'not retried before its backoff is over');

    await until(statusIs(row.id, 'delivered'), 'delivered after the retries');
    const state = await smsState(live, row.id);
    assert.equal(state?.attempts, 3);
    assert.ok(Date.now() - started >= RETRY_BASE_MS * 3, 'waited 150 ms, then 300 ms');
    const parts = partsTo(phone);
    const total = Math.ceil(body.length / 67);
    assert.ok(total >= 2);
    assert.deepEqual(
      parts.map((p) => p.concat?.seq),
      Array.from({ length: total }, (_, i) => i + 1),
      'each part accepted exactly once',
    );
    assert.deepEqual(
      gateway.standIn
        ?.messages()
        .filter((m) => m.destination === internationalNumber(phone))
        .map((m) => m.text),
      [body],
    );
  });

  test('a receipt saying the handset never got it marks the message failed', async () => {
    const phone = '0905000103';
    gateway.standIn?.undeliverable.add(internationalNumber(phone));
    await queueSms(t.ctx.db, t.ctx, phone, 'Tin thử không đến được máy');
    const [row] = await smsLike('Tin thử không đến');
    assert.ok(row);
    await until(statusIs(row.id, 'failed'), 'the failure receipt');
  });

  test('a one-time code queued after a burst of notices is submitted before them', async () => {
    const notices = Array.from({ length: 6 }, (_, i) => ({
      provinceCode: t.ctx.config.PROVINCE_CODE,
      phone: `090500020${i}`,
      body: `DVC Quang Ngai: thông báo hàng loạt ${i}`,
      createdAt: t.ctx.now(),
      sentAt: null,
      priority: 1,
    }));
    await t.ctx.db.insertInto('smsOutbox').values(notices).execute();
    const reset = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { phone: PHONES.citizen } });
    assert.equal(reset.statusCode, 202, reset.body);
    const before = gateway.standIn?.submitted.length ?? 0;
    await gateway.runOnce();
    const order = (gateway.standIn?.submitted ?? []).slice(before).map((p) => p.destination);
    const code = order.filter((d) => d === internationalNumber(PHONES.citizen));
    assert.ok(code.length >= 1);
    assert.deepEqual(order.slice(0, code.length), code, `the code's parts go first: ${order.join(' ')}`);
    assert.equal(order.length, code.length + 6, 'the notices follow in the same round');
  });

  test('an SMSC that went away: the message waits, and goes once when the SMSC is back', async () => {
    const first = await startSmscStandIn({ systemId: 'carrier', password: 'secret' });
    const port = first.port;
    const remote = await startSmsGateway(
      gatewayContext({ SMPP_URL: `smpp://127.0.0.1:${port}`, SMPP_SYSTEM_ID: 'carrier', SMPP_PASSWORD: 'secret' }),
      { manual: true },
    );
    try {
      assert.equal(remote.standIn, undefined, 'no stand-in of its own with SMPP_URL');
      const phone = '0905000105';
      await queueSms(t.ctx.db, t.ctx, phone, 'Tin gửi khi tổng đài SMS tạm ngừng');
      await first.close();
      const [row] = await smsLike('tổng đài SMS tạm ngừng');
      assert.ok(row);
      await remote.runOnce();
      const waiting = await smsState(live, row.id);
      assert.equal(waiting?.status, 'pending');
      assert.ok(waiting?.lastError, 'the failure is recorded');
      const back = await startSmscStandIn({ port, systemId: 'carrier', password: 'secret' });
      try {
        await until(statusIs(row.id, 'delivered'), 'delivered through the SMSC once it is back', remote);
        assert.equal(back.submitted.filter((p) => p.destination === internationalNumber(phone)).length, 1);
      } finally {
        await remote.stop();
        await back.close();
      }
    } finally {
      await remote.stop();
    }
  });

  test('two gateways draining the same outbox at once submit each message once', async () => {
    const smsc = await startSmscStandIn({ systemId: 'carrier', password: 'secret' });
    const remote = gatewayContext({
      SMPP_URL: `smpp://127.0.0.1:${smsc.port}`,
      SMPP_SYSTEM_ID: 'carrier',
      SMPP_PASSWORD: 'secret',
    });
    const pair = await Promise.all([startSmsGateway(remote, { manual: true }), startSmsGateway(remote, { manual: true })]);
    try {
      const phones = Array.from({ length: 40 }, (_, i) => `09060000${String(i).padStart(2, '0')}`);
      await Promise.all(phones.map((p) => queueSms(t.ctx.db, t.ctx, p, `Thông báo song song cho ${p}`)));
      await Promise.all(pair.flatMap((g) => [g.runOnce(), g.runOnce()]));
      const destinations = smsc.submitted.map((p) => p.destination).sort();
      assert.deepEqual(destinations, phones.map(internationalNumber).sort(), 'every message once, none twice');
    } finally {
      for (const g of pair) await g.stop();
      await smsc.close();
    }
  });

  test('with SMS_ENCODING=gsm7 the text goes without diacritics in the GSM alphabet', async () => {
    await gateway.stop();
    gateway = await startSmsGateway(gatewayContext({ SMS_ENCODING: 'gsm7' }), { manual: true });
    const phone = '0905000104';
    const body = 'Hồ sơ đã được tiếp nhận. Đề nghị ông/bà đến nhận kết quả đúng hẹn.';
    await queueSms(t.ctx.db, t.ctx, phone, body);
    const [row] = await smsLike('Đề nghị ông/bà');
    assert.ok(row);
    await until(statusIs(row.id, 'delivered'), 'delivered');
    const [part] = partsTo(phone);
    assert.equal(part?.dataCoding, 0);
    assert.equal(part?.text, 'Ho so da duoc tiep nhan. De nghi ong/ba den nhan ket qua dung hen.');
    assert.equal(withoutDiacritics('Quảng Ngãi — Đắk Lắk'), 'Quang Ngai ? Dak Lak');
  });
});
