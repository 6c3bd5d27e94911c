import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../config';
import { get, householdForm, login, post, registrationAttachments } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { type Desk, driveToResolved, signInDesk } from '../results/results.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { postalClientFor, runPostalSweep } from './index';
import { createPostalClient } from './postal-client';
import { type PostalStandIn, startPostalStandIn } from './postal-stand-in';

let t: TestApp;
let postal: PostalStandIn;
let citizen: SignedIn;
let desk: Desk;
let now = new Date('2026-12-02T02:00:00Z');
const POLL_MS = 1000;

before(async () => {
  postal = await startPostalStandIn({ token: 'test-postal-token' });
  const postalConfig = {
    ...loadConfig({}).postal,
    POSTAL_URL: postal.url,
    POSTAL_TOKEN: 'test-postal-token',
    POSTAL_RETRY_BASE_MS: 1000,
    POSTAL_STATUS_POLL_MS: POLL_MS,
  };
  t = await createTestApp({ now, config: { postal: postalConfig } });
  citizen = await login(t.app, 'citizen');
  desk = await signInDesk(t.app);
});
after(async () => {
  await t.close();
  await postal.close();
});

function later(ms: number) {
  now = new Date(now.getTime() + ms);
  t.setNow(now);
}

const ADDRESS = '12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi';

/** A registration whose result goes by post, filed and resolved (the certificate issued). */
async function resolvedByPost(): Promise<string> {
  const form = { ...householdForm(), delivery: 'post', postalAddress: ADDRESS };
  const body = {
    procedureCode: '1.001612',
    unitCode: '21025',
    channel: 'mobile',
    form,
    attachments: await registrationAttachments(t.ctx, citizen),
    delivery: 'post',
  };
  const res = await post(t.app, citizen, '/api/v1/dossiers', body, randomUUID());
  assert.equal(res.statusCode, 201, res.body);
  const code = res.json().code as string;
  await driveToResolved(t.app, desk, code);
  return code;
}

const ordersOf = (code: string) => postal.orders.filter((o) => o.orderCode === code);

describe('Nhận kết quả qua bưu chính', () => {
  test('the postage is shown before filing: in the province or not, by the weight of the result', async () => {
    const home = await t.app.inject({
      url: `/api/v1/postage/quote?procedureCode=1.001612&address=${encodeURIComponent(ADDRESS)}`,
    });
    assert.equal(home.statusCode, 200, home.body);
    assert.equal(home.json().amount, 22_000);
    assert.equal(home.json().destinationLabel, 'Nội tỉnh');
    assert.equal(home.json().weightLabel, 'Thư, giấy tờ đến 100 g');
    const away = await t.app.inject({
      url: `/api/v1/postage/quote?procedureCode=1.001612&address=${encodeURIComponent('45 Nguyễn Huệ, TP. Hồ Chí Minh')}`,
    });
    assert.equal(away.json().amount, 28_000);
    assert.equal(away.json().rates.length, 6, 'the whole rate table is shown with it');
  });

  let first: { code: string; tracking: string };

  test('two taps on "send by post" and the job at once make one order; the tracking number returns the result', async () => {
    const code = await resolvedByPost();
    const url = `/api/v1/dossiers/${code}/postal-shipment`;
    const [a, b] = await Promise.all([
      post(t.app, desk.receiver, url, {}),
      post(t.app, desk.receiver, url, {}),
      runPostalSweep(t.ctx, postalClientFor(t.ctx)),
    ]);
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(b.statusCode, 200, b.body);
    assert.equal(ordersOf(code).length, 1, 'one parcel');
    const tracking = ordersOf(code)[0]!.itemCode;
    first = { code, tracking };

    const seen = await get(t.app, citizen, `/api/v1/dossiers/${code}`);
    assert.equal(seen.json().status, 'returned');
    const returns = seen.json().timeline.filter((e: { event: string }) => e.event === 'return_result');
    assert.equal(returns.length, 1);
    const shipment = (await get(t.app, citizen, url)).json();
    assert.equal(shipment.trackingNumber, tracking);
    assert.equal(shipment.fee, 22_000);
    assert.equal((await get(t.app, desk.receiver, url)).json().trackingNumber, tracking, 'the desk sees it too');
  });

  test('a postal service that fails keeps the order pending and the job sends it later, once', async () => {
    const code = await resolvedByPost();
    postal.failNext(1);
    await runPostalSweep(t.ctx, postalClientFor(t.ctx));
    assert.equal(ordersOf(code).length, 0);
    const pending = (await get(t.app, desk.receiver, `/api/v1/dossiers/${code}/postal-shipment`)).json();
    assert.equal(pending.status, 'pending');
    assert.match(pending.lastError, /HTTP 503/);
    assert.equal((await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json().status, 'resolved');

    await runPostalSweep(t.ctx, postalClientFor(t.ctx));
    assert.equal(ordersOf(code).length, 0, 'not before its retry time');
    later(1500);
    await runPostalSweep(t.ctx, postalClientFor(t.ctx));
    await runPostalSweep(t.ctx, postalClientFor(t.ctx));
    assert.equal(ordersOf(code).length, 1);
    const sent = (await get(t.app, citizen, `/api/v1/dossiers/${code}/postal-shipment`)).json();
    assert.equal(sent.trackingNumber, ordersOf(code)[0]!.itemCode);
    assert.equal(sent.lastError, null);
    assert.equal((await get(t.app, citizen, `/api/v1/dossiers/${code}`)).json().status, 'returned');
  });

  test('the delivery the postal service reports reaches the dossier’s history', async () => {
    const url = `/api/v1/dossiers/${first.code}/postal-shipment`;
    postal.setStatus(first.tracking, 'in_transit');
    later(POLL_MS + 1);
    await runPostalSweep(t.ctx, postalClientFor(t.ctx));
    assert.equal((await get(t.app, citizen, url)).json().statusLabel, 'Đang vận chuyển');
    postal.setStatus(first.tracking, 'delivered');
    later(POLL_MS + 1);
    await runPostalSweep(t.ctx, postalClientFor(t.ctx));
    const shipment = (await get(t.app, citizen, url)).json();
    assert.equal(shipment.status, 'delivered');
    assert.deepEqual(
      shipment.history.map((h: { label: string }) => h.label),
      [`Đã gửi kết quả qua bưu chính, mã vận đơn ${first.tracking}`, 'Đã giao kết quả qua bưu chính'],
    );
    const history = (await get(t.app, citizen, `/api/v1/dossiers/${first.code}`)).json().timeline;
    assert.equal(history.at(-1).eventLabel, 'Đã giao kết quả qua bưu chính', 'the last entry of the dossier’s history');
  });

  test('a dossier not sent by post gets no order', async () => {
    const other = await post(t.app, desk.receiver, `/api/v1/dossiers/${first.code}/postal-shipment`, {});
    assert.equal(other.statusCode, 200, 'its own shipment, again');
    assert.equal(ordersOf(first.code).length, 1);
    const stranger = await login(t.app, 'otherReceiver');
    const refused = await post(t.app, stranger, `/api/v1/dossiers/${first.code}/postal-shipment`, {});
    assert.equal(refused.statusCode, 404);
  });

  test('without POSTAL_URL the server speaks to its own stand-in on 127.0.0.1', async () => {
    const client = createPostalClient({ ...loadConfig({}).postal, POSTAL_URL: undefined });
    const order = await client.createOrder({
      idempotencyKey: randomUUID(),
      orderCode: 'TEST',
      receiver: { name: 'Nguyễn Văn An', phone: null, address: ADDRESS },
      weightGrams: 100,
      declaredFee: 22_000,
    });
    const standIn = await client.standIn();
    assert.ok(standIn?.url.startsWith('http://127.0.0.1:'));
    assert.equal((await client.status(order.itemCode)).status, 'picked_up', 'its parcels move on by themselves');
    await standIn?.close();
  });
});
