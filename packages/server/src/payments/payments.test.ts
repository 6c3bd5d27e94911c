import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hasValidVietQrCrc } from '@dvc/domain';
import { sql } from 'kysely';
import { fileOnline, get, login, post } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { pdfText } from '../test/pdf-text';
import { IPN_PATH, RETURN_PATH } from './payments.service';
import { buttonLink, createPaymentsTestApp, ipnQuery, type PaymentsTestApp, pathOf } from './payments.test-helpers';
import { encodeVnpValue, formatVnpDate, parseVnpDate, secureHash, signData, verifySignature } from './vnpay';

let t: PaymentsTestApp;
let citizen: SignedIn;
let receiver: SignedIn;

type Created = { paymentUrl: string; orderRef: string; amount: number; vietQr: { payload: string; content: string } };
type Listed = {
  feeAmount: number;
  paidOnline: boolean;
  items: Array<{ id: string; orderRef: string; status: string; receiptUrl: string | null; receiptNumber: string | null }>;
};

before(async () => {
  t = await createPaymentsTestApp();
  citizen = await login(t.api, 'citizen');
  receiver = await login(t.api, 'receiver');
});
after(() => t.close());

async function startPayment(code: string): Promise<Created> {
  const res = await post(t.api, citizen, `/api/v1/dossiers/${code}/payments`, {});
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Created;
}

/** Opens the sandbox page of the order, presses a button, follows the gateway back to the app. */
async function payThroughSandbox(created: Created, button: 'Thanh toán' | 'Hủy' | 'Giả lập lỗi') {
  const page = await get(t.api, citizen, pathOf(created.paymentUrl));
  assert.equal(page.statusCode, 200);
  const gateway = await get(t.api, citizen, buttonLink(page.body, button));
  assert.equal(gateway.statusCode, 302, gateway.body);
  const back = String(gateway.headers.location);
  assert.ok(pathOf(back).startsWith(`${RETURN_PATH}?`), back);
  const landing = await get(t.api, citizen, pathOf(back));
  assert.equal(landing.statusCode, 302, landing.body);
  return { page, landing: String(landing.headers.location) };
}

const ipn = (query: string) => t.api.inject({ method: 'GET', url: `${IPN_PATH}?${query}` }).then((r) => r.json());
const list = async (code: string) => (await get(t.api, citizen, `/api/v1/dossiers/${code}/payments`)).json() as Listed;
const logVerdicts = async (orderRef: string) =>
  (
    await sql<{ kind: string; verdict: string; rspCode: string | null }>`
      select kind, verdict, rsp_code from payment_callback_log where order_ref = ${orderRef} order by id`.execute(t.ctx.db)
  ).rows.map((r) => `${r.kind}:${r.verdict}${r.rspCode ? `:${r.rspCode}` : ''}`);
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.ctx.db)).rows[0]!.n;

test('VNPay signing: sorted keys, values encoded with + for spaces, HMAC-SHA512 verifiable', () => {
  const params = { vnp_TxnRef: '5', vnp_Amount: '1806000', vnp_OrderInfo: 'Thanh toan don hang :5', vnp_BankCode: '' };
  assert.equal(signData(params), 'vnp_Amount=1806000&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_TxnRef=5');
  assert.equal(encodeVnpValue('https://a.vn/r?x=1'), 'https%3A%2F%2Fa.vn%2Fr%3Fx%3D1');
  const hash = secureHash(params, 'SECRET0123456789');
  assert.match(hash, /^[0-9a-f]{128}$/);
  assert.equal(verifySignature({ ...params, vnp_SecureHash: hash }, 'SECRET0123456789'), true);
  assert.equal(verifySignature({ ...params, vnp_Amount: '1806100', vnp_SecureHash: hash }, 'SECRET0123456789'), false);
  assert.equal(formatVnpDate(new Date('2026-12-02T08:30:00Z')), '20261202153000');
  assert.equal(parseVnpDate('20261202153000')?.toISOString(), '2026-12-02T08:30:00.000Z');
});

test('the citizen sees the reduced fee, pays it through the sandbox, and the IPN records it once with a receipt', async () => {
  const filed = await fileOnline(t.api, citizen);
  assert.equal((filed as unknown as { feeAmount: number }).feeAmount, 50_000, '100 000 đ at the counter, 50% off online');
  const before = await list(filed.code);
  assert.deepEqual([before.feeAmount, before.paidOnline, before.items.length], [50_000, false, 0]);

  const created = await startPayment(filed.code);
  assert.equal(created.amount, 50_000);
  assert.match(created.paymentUrl, /^\/sandbox\/vnpay\/pay\?vnp_Amount=5000000&vnp_Command=pay&/);
  for (const p of [
    'vnp_Version=2.1.0',
    'vnp_CurrCode=VND',
    'vnp_TmnCode=',
    'vnp_CreateDate=',
    'vnp_ExpireDate=',
    'vnp_SecureHash=',
  ]) {
    assert.ok(created.paymentUrl.includes(p), p);
  }
  assert.equal(hasValidVietQrCrc(created.vietQr.payload), true);
  assert.ok(created.vietQr.payload.includes('540550000'), 'amount field 54 = 50000');
  assert.ok(created.vietQr.payload.includes(created.orderRef));
  // A second tap hands out the same order, not a second one.
  assert.equal((await startPayment(filed.code)).orderRef, created.orderRef);

  const { page, landing } = await payThroughSandbox(created, 'Thanh toán');
  assert.ok(page.body.includes('50.000 đ') && page.body.includes(created.orderRef));
  assert.equal(landing, `/ho-so/${filed.code}?thanh-toan=ok&ma-giao-dich=${created.orderRef}`);

  const after = await list(filed.code);
  assert.equal(after.paidOnline, true);
  assert.equal(after.items[0]?.status, 'paid');
  const detail = (await get(t.api, citizen, `/api/v1/dossiers/${filed.code}`)).json() as { paidOnline: boolean };
  assert.equal(detail.paidOnline, true);
  const officerView = (await get(t.api, receiver, `/api/v1/dossiers/${filed.code}/payments`)).json() as Listed;
  assert.equal(officerView.items[0]?.status, 'paid');

  const receipt = await get(t.api, citizen, after.items[0]!.receiptUrl!);
  assert.equal(receipt.statusCode, 200);
  assert.equal(receipt.headers['content-type'], 'application/pdf');
  const text = await pdfText(receipt.rawPayload);
  assert.ok(text.includes('Năm mươi nghìn đồng'), text);
  assert.ok(text.includes(filed.code));
  assert.ok(text.includes('BIÊN LAI THU PHÍ, LỆ PHÍ'));
  assert.equal((await get(t.api, await login(t.api, 'otherReceiver'), after.items[0]!.receiptUrl!)).statusCode, 404);

  // The gateway repeats its IPN (same signed parameters): acknowledged as already confirmed, nothing changes.
  const outboxBefore = await count(sql<{ n: number }>`select count(*)::int as n from outbox_message where topic = 'payment'`);
  const replay = await ipn(ipnQuery(t, created.orderRef, 50_000));
  assert.deepEqual(replay, { RspCode: '02', Message: 'Order already confirmed' });
  const again = await list(filed.code);
  assert.equal(again.items[0]?.receiptNumber, after.items[0]?.receiptNumber);
  assert.equal(outboxBefore, 1);
  assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from outbox_message where topic = 'payment'`), 1);
  assert.equal(
    await count(sql<{ n: number }>`select count(*)::int as n from stored_file where original_name like 'bien-lai-%'`),
    1,
  );
  assert.deepEqual(await logVerdicts(created.orderRef), ['ipn:paid:00', 'return:shown', 'ipn:already_confirmed:02']);

  // Paid is paid: no second order.
  const twice = await post(t.api, citizen, `/api/v1/dossiers/${filed.code}/payments`, {});
  assert.equal(twice.statusCode, 409);

  // Reconciliation of the day lists it with the gateway's references, for the agency's receiver.
  const day = new Date(t.ctx.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const rec = await get(t.api, receiver, `/api/v1/payments/reconciliation?date=${day}`);
  assert.equal(rec.statusCode, 200, rec.body);
  const body = rec.json() as {
    items: Array<{ orderRef: string; gatewayTxnNo: string | null; bankCode: string }>;
    totals: { amount: number };
  };
  const line = body.items.find((i) => i.orderRef === created.orderRef);
  assert.ok(line?.gatewayTxnNo && line.bankCode === 'NCB');
  assert.equal(body.totals.amount, 50_000);
  const other = (await get(t.api, await login(t.api, 'otherReceiver'), `/api/v1/payments/reconciliation?date=${day}`)).json();
  assert.equal((other as { items: unknown[] }).items.length, 0, 'another agency sees none of it');
  assert.equal((await get(t.api, citizen, `/api/v1/payments/reconciliation?date=${day}`)).statusCode, 403);
});

test('forged, wrong-amount and unknown-order callbacks are refused, logged and change nothing', async () => {
  const filed = await fileOnline(t.api, citizen);
  const created = await startPayment(filed.code);
  const forged = ipnQuery(t, created.orderRef, 50_000, {}, 'NOT-THE-SECRET-0123456789');
  assert.deepEqual(await ipn(forged), { RspCode: '97', Message: 'Invalid signature' });
  const tampered = ipnQuery(t, created.orderRef, 50_000).replace('vnp_Amount=5000000', 'vnp_Amount=100');
  assert.equal((await ipn(tampered)).RspCode, '97');
  assert.equal((await ipn(ipnQuery(t, created.orderRef, 1_000))).RspCode, '04');
  assert.equal((await ipn(ipnQuery(t, 'QN000000000000FFFF', 50_000))).RspCode, '01');
  const badReturn = await t.api.inject({ method: 'GET', url: `${RETURN_PATH}?${forged}` });
  assert.equal(badReturn.statusCode, 400);
  assert.ok(badReturn.body.includes('Không xác thực được kết quả thanh toán'));

  const state = await list(filed.code);
  assert.deepEqual([state.paidOnline, state.items[0]?.status], [false, 'pending']);
  assert.deepEqual(await logVerdicts(created.orderRef), [
    'ipn:invalid_signature:97',
    'ipn:invalid_signature:97',
    'ipn:invalid_amount:04',
    'return:invalid_signature',
  ]);
  assert.deepEqual(await logVerdicts('QN000000000000FFFF'), ['ipn:order_not_found:01']);
  // The log is append-only.
  await assert.rejects(sql`delete from payment_callback_log`.execute(t.ctx.db));

  // Someone else's dossier cannot be paid for (nor seen).
  const stranger = await post(t.api, receiver, `/api/v1/dossiers/${filed.code}/payments`, {});
  assert.equal(stranger.statusCode, 403);
});

test('cancelling or failing at the gateway leaves the dossier unpaid, and a new order can then be paid', async () => {
  const filed = await fileOnline(t.api, citizen);
  const first = await startPayment(filed.code);
  const cancelled = await payThroughSandbox(first, 'Hủy');
  assert.equal(cancelled.landing, `/ho-so/${filed.code}?thanh-toan=loi&ma-giao-dich=${first.orderRef}`);
  const second = await startPayment(filed.code);
  assert.notEqual(second.orderRef, first.orderRef, 'a settled order is never reused');
  const failed = await payThroughSandbox(second, 'Giả lập lỗi');
  assert.ok(failed.landing.includes('thanh-toan=loi'));

  const state = await list(filed.code);
  assert.equal(state.paidOnline, false);
  const byRef = new Map(state.items.map((i) => [i.orderRef, [i.status, i.receiptUrl]]));
  assert.deepEqual(byRef.get(first.orderRef), ['cancelled', null]);
  assert.deepEqual(byRef.get(second.orderRef), ['failed', null]);
  assert.equal(state.items.length, 2);
  assert.deepEqual(await logVerdicts(first.orderRef), ['ipn:cancelled:00', 'return:shown']);
  // A late "success" for the cancelled order is a replay of a settled order: refused.
  assert.equal((await ipn(ipnQuery(t, first.orderRef, 50_000))).RspCode, '02');
  assert.equal((await list(filed.code)).paidOnline, false);

  const third = await startPayment(filed.code);
  const paid = await payThroughSandbox(third, 'Thanh toán');
  assert.ok(paid.landing.includes('thanh-toan=ok'));
  assert.equal((await list(filed.code)).paidOnline, true);
});

test('the sandbox gateway refuses an order whose signature does not match', async () => {
  const filed = await fileOnline(t.api, citizen);
  const created = await startPayment(filed.code);
  const forged = pathOf(created.paymentUrl).replace('vnp_Amount=5000000', 'vnp_Amount=100');
  const res = await get(t.api, citizen, forged);
  assert.equal(res.statusCode, 400);
  assert.ok(res.body.includes('Sai chữ ký'));
});
