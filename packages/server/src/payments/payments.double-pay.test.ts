import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { IPN_PATH, RETURN_PATH } from './payments.service';
import { buttonLink, createPaymentsTestApp, ipnQuery, type PaymentsTestApp, pathOf } from './payments.test-helpers';

/** A fee is collected once: one open order per dossier, one receipt, a late second payment flagged for refund. */

let t: PaymentsTestApp;
let citizen: SignedIn;
let receiver: SignedIn;

type Created = { paymentUrl: string; orderRef: string; amount: number };
type Item = { orderRef: string; status: string; statusLabel: string; receiptNumber: string | null; receiptUrl: string | null };
type Reconciliation = {
  items: Array<{ orderRef: string }>;
  refundDue: Array<{
    orderRef: string;
    dossierCode: string;
    amount: number;
    gatewayTxnNo: string | null;
    paidOrderRef: string | null;
  }>;
  totals: { count: number; amount: number; refundDueCount: number; refundDueAmount: number };
};

before(async () => {
  t = await createPaymentsTestApp();
  citizen = await login(t.api, 'citizen');
  receiver = await login(t.api, 'receiver');
});
after(() => t.close());

const create = (code: string) => post(t.api, citizen, `/api/v1/dossiers/${code}/payments`, {});
async function startPayment(code: string): Promise<Created> {
  const res = await create(code);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Created;
}
const ipn = (query: string) =>
  t.api.inject({ method: 'GET', url: `${IPN_PATH}?${query}` }).then((r) => r.json() as { RspCode: string; Message: string });
const items = async (code: string) =>
  ((await get(t.api, citizen, `/api/v1/dossiers/${code}/payments`)).json() as { paidOnline: boolean; items: Item[] }).items;
const statusOf = async (code: string) => new Map((await items(code)).map((i) => [i.orderRef, i.status]));
const receiptsOf = async (code: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from stored_file where original_name like ${`bien-lai-%-${code}.pdf`}`.execute(t.ctx.db)
  ).rows[0]!.n;
const feeMessages = async (code: string) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from outbox_message
      where topic = 'payment' and payload->>'code' = ${code}`.execute(t.ctx.db)
  ).rows[0]!.n;
const today = () => new Date(t.ctx.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const reconciliation = async () =>
  (await get(t.api, receiver, `/api/v1/payments/reconciliation?date=${today()}`)).json() as Reconciliation;
const later = (minutes: number) => t.setNow(new Date(t.ctx.now().getTime() + minutes * 60_000));

test('ten taps at once open one order with one payment URL, and paying it gives one receipt', async () => {
  const filed = await fileOnline(t.api, citizen);
  // The page was open already: the taps do not pay for the first request's warm-up.
  await Promise.all(Array.from({ length: 10 }, () => items(filed.code)));
  const answers = await Promise.all(Array.from({ length: 10 }, () => create(filed.code)));
  assert.deepEqual(
    answers.map((r) => r.statusCode),
    Array(10).fill(201),
    answers.map((r) => r.body).join('\n'),
  );
  const created = answers.map((r) => r.json() as Created);
  assert.equal(new Set(created.map((c) => c.orderRef)).size, 1, 'one order');
  assert.equal(new Set(created.map((c) => c.paymentUrl)).size, 1, 'the same payment URL for every tap');
  assert.deepEqual([...(await statusOf(filed.code)).values()], ['pending']);

  // The gateway notifies (and repeats) for every URL handed out: one is confirmed, the rest already were.
  const acks = await Promise.all(
    created.map((c, i) => ipn(ipnQuery(t, c.orderRef, c.amount, { vnp_TransactionNo: String(14_226_100 + i) }))),
  );
  assert.deepEqual(acks.map((a) => a.RspCode).sort(), ['00', ...Array(9).fill('02')]);
  const listed = await items(filed.code);
  assert.deepEqual(
    listed.map((i) => i.status),
    ['paid'],
  );
  assert.equal(await receiptsOf(filed.code), 1);
  assert.equal(await feeMessages(filed.code), 1);
  const paidToday = (await reconciliation()).items.filter((i) => i.orderRef === created[0]!.orderRef);
  assert.equal(paidToday.length, 1);
});

test('forty taps at once still open one order, and the database refuses a second open or paid order', async () => {
  const filed = await fileOnline(t.api, citizen);
  const answers = await Promise.all(Array.from({ length: 40 }, () => create(filed.code)));
  assert.deepEqual(new Set(answers.map((r) => r.statusCode)), new Set([201]));
  assert.equal(new Set(answers.map((r) => (r.json() as Created).paymentUrl)).size, 1);
  const [only] = await items(filed.code);
  assert.deepEqual([(await items(filed.code)).length, only?.status], [1, 'pending']);

  // Whatever code path tries it, a dossier has one open order and one paid order at most.
  const copy = (ref: string, status: string, paidAt: string) => sql`
    insert into payment (id, province_code, dossier_code, order_ref, amount, status, gateway, payer_id, order_info,
      created_at, expires_at, paid_at)
    select gen_random_uuid(), province_code, dossier_code, ${ref}, amount, ${status}, gateway, payer_id, order_info,
      created_at, expires_at, ${paidAt}::timestamptz
    from payment where order_ref = ${only!.orderRef}`;
  await assert.rejects(copy('QN000000000001AAAA', 'pending', null as unknown as string).execute(t.ctx.db), /unique|duplicate/);
  assert.equal((await ipn(ipnQuery(t, only!.orderRef, 50_000))).RspCode, '00');
  await assert.rejects(copy('QN000000000002AAAA', 'paid', new Date().toISOString()).execute(t.ctx.db), /unique|duplicate/);
  assert.equal(await receiptsOf(filed.code), 1);
});

test('an old order paid at the gateway after the fee was paid is flagged for refund, with no second receipt', async () => {
  const filed = await fileOnline(t.api, citizen);
  const first = await startPayment(filed.code);
  later(20); // past the order's 15 minutes: the citizen's next tap opens a new order
  const second = await startPayment(filed.code);
  assert.notEqual(second.orderRef, first.orderRef);
  assert.deepEqual(
    [...(await statusOf(filed.code)).entries()].sort(),
    [
      [first.orderRef, 'superseded'],
      [second.orderRef, 'pending'],
    ].sort(),
  );

  assert.equal((await ipn(ipnQuery(t, second.orderRef, 50_000, { vnp_TransactionNo: '20000001' }))).RspCode, '00');
  const before = await reconciliation();

  // The first order was still open at the gateway and the citizen paid it there as well.
  const late = await ipn(ipnQuery(t, first.orderRef, 50_000, { vnp_TransactionNo: '20000002' }));
  assert.deepEqual(late, { RspCode: '00', Message: 'Confirm Success' }, 'the gateway is told its notice was recorded');
  const state = await items(filed.code);
  const byRef = new Map(state.map((i) => [i.orderRef, i]));
  assert.equal(byRef.get(second.orderRef)?.status, 'paid');
  assert.equal(byRef.get(first.orderRef)?.status, 'refund_due');
  assert.equal(byRef.get(first.orderRef)?.receiptUrl, null);
  assert.match(byRef.get(first.orderRef)?.statusLabel ?? '', /hoàn/);
  assert.equal(await receiptsOf(filed.code), 1, 'one receipt');
  assert.equal(await feeMessages(filed.code), 1);

  const rec = await reconciliation();
  assert.equal(rec.totals.amount, before.totals.amount, 'the fee counted once');
  assert.equal(rec.totals.count, before.totals.count);
  const flag = rec.refundDue.find((f) => f.orderRef === first.orderRef);
  assert.deepEqual(flag && { ...flag }, {
    ...flag,
    dossierCode: filed.code,
    amount: 50_000,
    gatewayTxnNo: '20000002',
    paidOrderRef: second.orderRef,
  });
  assert.equal(rec.totals.refundDueCount, before.totals.refundDueCount + 1);
  assert.equal(rec.totals.refundDueAmount, before.totals.refundDueAmount + 50_000);

  // The gateway repeats the late notice: already confirmed, nothing changes.
  assert.equal((await ipn(ipnQuery(t, first.orderRef, 50_000, { vnp_TransactionNo: '20000002' }))).RspCode, '02');
  assert.equal((await reconciliation()).totals.refundDueCount, rec.totals.refundDueCount);
  assert.equal(await receiptsOf(filed.code), 1);
  assert.equal((await create(filed.code)).statusCode, 409, 'paid is paid');
});

test('two orders of one dossier paid at the same moment: one receipt, the other flagged', async () => {
  const filed = await fileOnline(t.api, citizen);
  const first = await startPayment(filed.code);
  later(20);
  const second = await startPayment(filed.code);
  const acks = await Promise.all([
    ipn(ipnQuery(t, first.orderRef, 50_000, { vnp_TransactionNo: '30000001' })),
    ipn(ipnQuery(t, second.orderRef, 50_000, { vnp_TransactionNo: '30000002' })),
  ]);
  assert.deepEqual(
    acks.map((a) => a.RspCode),
    ['00', '00'],
  );
  assert.deepEqual([...(await statusOf(filed.code)).values()].sort(), ['paid', 'refund_due']);
  assert.equal(await receiptsOf(filed.code), 1);
});

test('the payment URL or the return URL sent to the IPN changes nothing', async () => {
  const filed = await fileOnline(t.api, citizen);
  const created = await startPayment(filed.code);
  const requestQuery = created.paymentUrl.slice(created.paymentUrl.indexOf('?') + 1);

  // Our own signed order request is not a notification of the gateway: the order stays open.
  assert.deepEqual(await ipn(requestQuery), { RspCode: '99', Message: 'Unknow error' });
  assert.deepEqual([...(await statusOf(filed.code)).values()], ['pending']);
  assert.equal((await startPayment(filed.code)).orderRef, created.orderRef, 'the same order is still handed out');

  // Paid through the sandbox; then the browser's return URL and the order URL are replayed to the IPN.
  const page = await get(t.api, citizen, pathOf(created.paymentUrl));
  const gateway = await get(t.api, citizen, buttonLink(page.body, 'Thanh toán'));
  const back = pathOf(String(gateway.headers.location));
  assert.ok(back.startsWith(`${RETURN_PATH}?`));
  assert.equal((await get(t.api, citizen, back)).statusCode, 302);
  const paid = await items(filed.code);
  assert.equal(paid[0]?.status, 'paid');

  const returnQuery = back.slice(back.indexOf('?') + 1);
  assert.deepEqual(await ipn(returnQuery), { RspCode: '02', Message: 'Order already confirmed' });
  assert.deepEqual(await ipn(requestQuery), { RspCode: '02', Message: 'Order already confirmed' });
  assert.deepEqual(await items(filed.code), paid, 'still paid, same receipt');
  assert.equal(await receiptsOf(filed.code), 1);
});
