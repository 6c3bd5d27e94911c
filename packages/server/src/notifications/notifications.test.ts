import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DOSSIER_EVENT_TYPES } from '@dvc/domain';
import { act, fileOnline, get, householdForm, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createChannels } from './channels';
import { backoffMs, drainOutbox, MAX_ATTEMPTS } from './dispatcher';
import {
  createNotificationTestApp,
  ensureNotified,
  type NotificationTestApp,
  recordingChannels,
} from './notifications.test-helpers';
import { type DossierMessage, renderForCitizen } from './templates';

const MONDAY_9AM = new Date('2026-11-30T02:00:00Z');
let t: NotificationTestApp;
let citizen: SignedIn;
let receiver: SignedIn;
let admin: SignedIn;

before(async () => {
  t = await createNotificationTestApp(MONDAY_9AM);
  [citizen, receiver, admin] = await Promise.all([
    login(t.app, 'citizen'),
    login(t.app, 'receiver'),
    login(t.app, 'provinceAdmin'),
  ]);
});
after(() => t.close());

const withEmail = (email: string) => ({ form: { ...householdForm(), owner: { ...(householdForm().owner as object), email } } });

/** RFC 2047 encoded words in an unfolded header → text. */
function decodeHeader(raw: string): string {
  return raw.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
function header(eml: string, name: string): string {
  const unfolded = eml.split('\n\n')[0]?.replace(/\n[ \t]+/g, ' ') ?? '';
  const line = unfolded.split('\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return decodeHeader(line?.slice(name.length + 1).trim() ?? '');
}

describe('templates', () => {
  test('every lifecycle event has a Vietnamese text naming the dossier', () => {
    const m: DossierMessage = {
      kind: 'dossier_event',
      dossierId: 'x',
      code: 'UBND.21025-261130-0001',
      procedureCode: '1.001612',
      agencyCode: 'UBND.21025',
      status: 'received',
      applicantId: null,
      applicantName: 'Nguyễn Thị Ba',
      applicantPhone: null,
      applicantEmail: null,
      assigneeId: null,
      at: MONDAY_9AM.toISOString(),
      dueAt: '2026-12-02T07:00:00.000Z',
      newDueAt: '2026-12-04T07:00:00.000Z',
      reason: 'Chờ ý kiến cơ quan phối hợp',
    };
    for (const event of DOSSIER_EVENT_TYPES) {
      const r = renderForCitizen({ ...m, event });
      assert.ok(r?.title.includes(m.code) && r.body.includes(m.code), event);
    }
    assert.equal(
      renderForCitizen({ ...m, event: 'receive' })?.body,
      `Hồ sơ ${m.code} đã được tiếp nhận, hẹn trả kết quả 02/12/2026 14:00.`,
    );
    assert.match(renderForCitizen({ ...m, event: 'issue_apology' })?.body ?? '', /Ngày hẹn trả kết quả mới: 04\/12\/2026 14:00/);
  });
});

describe('e-mail', () => {
  test('in the default mode each e-mail is an .eml file in DATA_DIR/mail with a Vietnamese subject', async () => {
    const { code } = await fileOnline(t.app, citizen, withEmail('ba.nguyen@example.vn'));
    await ensureNotified(t.ctx, code);
    await drainOutbox(t.ctx, createChannels(t.ctx, t.ctx.config.notifications));
    const dir = join(t.dataDir, 'mail');
    const emls = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const mine = emls.filter((e) => header(e, 'Subject').includes(code));
    assert.equal(mine.length, 1);
    const eml = mine[0] ?? '';
    assert.equal(header(eml, 'Subject'), `Hồ sơ ${code} đã được gửi thành công`);
    assert.equal(header(eml, 'To'), 'ba.nguyen@example.vn');
    assert.match(header(eml, 'Message-ID'), /^<delivery-\d+@/);
  });
});

describe('a failing channel', () => {
  test('is retried with growing delays, then listed as failed for the administrators', async () => {
    const { code } = await fileOnline(t.app, citizen, withEmail('hong@example.vn'));
    await ensureNotified(t.ctx, code);
    const { channels } = recordingChannels({ email: true });
    const emailDelivery = () =>
      t.ctx.db
        .selectFrom('notificationDelivery')
        .selectAll()
        .where('dossierCode', '=', code)
        .where('channel', '=', 'email')
        .executeTakeFirstOrThrow();

    let now = MONDAY_9AM.getTime();
    t.setNow(new Date(now));
    await drainOutbox(t.ctx, channels);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const d = await emailDelivery();
      assert.equal(d.status, 'pending');
      assert.equal(d.attempts, attempt);
      assert.equal(d.nextAttemptAt.getTime() - now, backoffMs(attempt), `delay after attempt ${attempt}`);
      await drainOutbox(t.ctx, channels); // too early: nothing is tried
      assert.equal((await emailDelivery()).attempts, attempt);
      now += backoffMs(attempt);
      t.setNow(new Date(now));
      await drainOutbox(t.ctx, channels);
    }
    const failed = await emailDelivery();
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, MAX_ATTEMPTS);
    assert.ok(backoffMs(2) > backoffMs(1));

    // The in-app notice went through regardless.
    const mine = (await get(t.app, citizen, '/api/v1/notifications')).json();
    assert.ok(mine.items.some((n: { dossierCode: string }) => n.dossierCode === code));

    assert.equal((await get(t.app, citizen, '/api/v1/admin/notification-failures')).statusCode, 403);
    const list = await get(t.app, admin, '/api/v1/admin/notification-failures');
    assert.equal(list.statusCode, 200, list.body);
    const item = list.json().items.find((i: { dossierCode: string }) => i.dossierCode === code);
    assert.equal(item.channel, 'email');
    assert.equal(item.recipient, 'h***@example.vn');
    assert.equal(item.lastError, 'email gateway unavailable');
    t.setNow(MONDAY_9AM);
  });
});

describe('Web Push', () => {
  test('the app subscribes with the public key; the next change is pushed to that device', async () => {
    const key = await get(t.app, citizen, '/api/v1/notifications/vapid-public-key');
    assert.equal(key.statusCode, 200);
    assert.match(key.json().publicKey, /^[A-Za-z0-9_-]{80,}$/);
    assert.equal(
      (await get(t.app, citizen, '/api/v1/notifications/vapid-public-key')).json().publicKey,
      key.json().publicKey,
      'generated once',
    );

    const subscription = {
      endpoint: 'https://push.example.net/send/abc123',
      keys: {
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      },
    };
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/push-subscriptions',
      payload: subscription,
      headers: { cookie: citizen.cookie },
    });
    assert.equal(noCsrf.statusCode, 403);
    const saved = await post(t.app, citizen, '/api/v1/notifications/push-subscriptions', subscription);
    assert.equal(saved.statusCode, 201, saved.body);

    const { code } = await fileOnline(t.app, citizen);
    await ensureNotified(t.ctx, code);
    const { channels, sent } = recordingChannels();
    await drainOutbox(t.ctx, channels);
    const pushed = sent.filter((s) => s.channel === 'webPush' && s.delivery.dossierCode === code);
    assert.equal(pushed.length, 1);
    assert.equal(pushed[0]?.delivery.recipient, subscription.endpoint);
    assert.equal(pushed[0]?.delivery.title, `Hồ sơ ${code} đã được gửi thành công`);

    // The next step reaches the app too, with the appointment date in Vietnam time.
    const received = await act(t.app, receiver, code, { type: 'receive' });
    assert.equal(received.statusCode, 200, received.body);
    await ensureNotified(t.ctx, code);
    await drainOutbox(t.ctx, channels);
    const list = (await get(t.app, citizen, '/api/v1/notifications')).json();
    assert.match(
      list.items[0].body,
      new RegExp(`^Hồ sơ ${code} đã được tiếp nhận, hẹn trả kết quả \\d{2}/\\d{2}/2026 \\d{2}:\\d{2}\\.$`),
    );
  });

  test('a push endpoint stays with the user who registered it: another user is refused, the owner may repeat', async () => {
    const push = (who: SignedIn, endpoint: string, auth = 'tBHItJI5svbpez7KI4CCXg') =>
      post(t.app, who, '/api/v1/notifications/push-subscriptions', {
        endpoint,
        keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u', auth },
      });
    const holders = (endpoint: string) =>
      t.ctx.db.selectFrom('pushSubscription').select(['userId', 'keys']).where('endpoint', '=', endpoint).execute();
    const endpoint = 'https://push.example.net/send/citizen-phone';
    assert.equal((await push(citizen, endpoint)).statusCode, 201);

    const stolen = await push(receiver, endpoint, 'attackerAuthKey0000000');
    assert.equal(stolen.statusCode, 409, stolen.body);
    assert.match(String(stolen.headers['content-type']), /application\/problem\+json/);
    assert.equal(stolen.json().title, 'Thiết bị này đang nhận thông báo của một tài khoản khác');
    const held = await holders(endpoint);
    assert.deepEqual(
      held.map((h) => h.userId),
      [citizen.body.user.id],
      'the citizen still receives this device’s notices',
    );
    assert.equal((held[0]!.keys as { auth: string }).auth, 'tBHItJI5svbpez7KI4CCXg', 'with the citizen’s keys');

    // Re-registering (every app start does) is answered the same and changes nothing else.
    const again = await Promise.all([push(citizen, endpoint), push(citizen, endpoint)]);
    assert.deepEqual(
      again.map((a) => a.statusCode),
      [201, 201],
    );
    assert.equal((await holders(endpoint)).length, 1);
    // Another user can still unsubscribe only their own endpoints: the citizen's stays.
    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/notifications/push-subscriptions',
      payload: { endpoint },
      headers: { cookie: receiver.cookie, 'x-csrf-token': receiver.csrfToken },
    });
    assert.equal(removed.statusCode, 204);
    assert.equal((await holders(endpoint)).length, 1);

    // Two users registering one new endpoint at the same moment: exactly one holds it.
    const contested = 'https://push.example.net/send/contested';
    const answers = await Promise.all([push(citizen, contested), push(admin, contested), push(receiver, contested)]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409]);
    const winner = [citizen, admin, receiver][answers.findIndex((a) => a.statusCode === 201)]!;
    assert.deepEqual(
      (await holders(contested)).map((h) => h.userId),
      [winner.body.user.id],
    );
  });
});
