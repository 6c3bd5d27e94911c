import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SANDBOX_PAY_PATH } from '../config';
import { IPN_PATH } from './payments.service';
import { paymentsConfigFor } from './sandbox-secret';
import {
  formatVnpDate,
  fromVnpAmount,
  parseVnpDate,
  RESPONSE_CANCELLED,
  RESPONSE_INSUFFICIENT_FUNDS,
  RESPONSE_SUCCESS,
  signedQuery,
  type VnpParams,
  verifySignature,
  vnpParamsOf,
} from './vnpay';

/**
 * The built-in sandbox gateway (default when VNPAY_URL is unset): a stand-in for VNPay's payment
 * page that speaks the same protocol. It knows the merchant only as VNPay does — terminal code,
 * hash secret, configured IPN URL — and talks to the app only through HTTP (inject): it verifies
 * the signed order, lets the tester pay / cancel / fail, calls the IPN server-to-server with signed
 * result parameters, then sends the browser to the order's vnp_ReturnUrl with the same parameters.
 * The buttons are links (GET): the gateway is a foreign site to the app, without its CSRF token.
 */

const OUTCOMES = {
  pay: { responseCode: RESPONSE_SUCCESS, transactionStatus: '00' },
  cancel: { responseCode: RESPONSE_CANCELLED, transactionStatus: '02' },
  fail: { responseCode: RESPONSE_INSUFFICIENT_FUNDS, transactionStatus: '02' },
};
type Outcome = keyof typeof OUTCOMES;

const COMPLETE_PATH = '/sandbox/vnpay/complete';
const Query = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const dong = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f2f5f9;color:#1b2733}
main{max-width:28rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 4px #0002}
.badge{display:inline-block;background:#fde68a;color:#713f12;border-radius:6px;padding:.1rem .5rem;font-size:.85rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#5b6b7b}dd{margin:0;font-weight:600;word-break:break-all}
.amount{font-size:1.6rem;color:#b91c1c}
a.btn{display:block;text-align:center;text-decoration:none;padding:.9rem;border-radius:10px;margin-top:.75rem;font-weight:600;font-size:1.05rem}
.pay{background:#005baa;color:#fff}.cancel{background:#e5e7eb;color:#1b2733}.fail{background:#fff;color:#b91c1c;border:1px solid #b91c1c}
</style></head><body><main><p><strong>VNPAY</strong> <span class="badge">Môi trường thử nghiệm</span></p>${body}</main></body></html>`;
}

/** The order as the gateway sees it, or why it refuses it (VNPay shows such errors on its own page). */
type Order = { error: string } | { amount: number; orderRef: string; orderInfo: string; returnUrl: string };

function readOrder(params: VnpParams, tmnCode: string, secret: string, now: Date): Order {
  if (!verifySignature(params, secret)) return { error: 'Sai chữ ký (mã lỗi 70). Giao dịch không được thực hiện.' };
  if (params.vnp_TmnCode !== tmnCode) return { error: 'Website chưa được phê duyệt (mã lỗi 02).' };
  const amount = fromVnpAmount(params.vnp_Amount);
  if (params.vnp_Command !== 'pay' || params.vnp_Version !== '2.1.0' || params.vnp_CurrCode !== 'VND' || !amount) {
    return { error: 'Dữ liệu gửi sang không đúng định dạng (mã lỗi 03).' };
  }
  const expires = parseVnpDate(params.vnp_ExpireDate);
  if (expires && expires <= now) return { error: 'Đã hết hạn chờ thanh toán (mã lỗi 11).' };
  if (!params.vnp_TxnRef || !params.vnp_ReturnUrl) return { error: 'Thiếu mã đơn hàng hoặc địa chỉ trả về (mã lỗi 03).' };
  return { amount, orderRef: params.vnp_TxnRef, orderInfo: params.vnp_OrderInfo ?? '', returnUrl: params.vnp_ReturnUrl };
}

/** Signed result parameters, as VNPay sends them to the IPN and the return URL. */
function resultParams(order: VnpParams, outcome: Outcome, now: Date): VnpParams {
  const o = OUTCOMES[outcome];
  const txnNo = String(10_000_000 + (now.getTime() % 89_999_999));
  return {
    vnp_Amount: order.vnp_Amount ?? '',
    vnp_BankCode: 'NCB',
    ...(outcome === 'pay' ? { vnp_BankTranNo: `VNP${txnNo}` } : {}),
    vnp_CardType: 'ATM',
    vnp_OrderInfo: order.vnp_OrderInfo ?? '',
    vnp_PayDate: formatVnpDate(now),
    vnp_ResponseCode: o.responseCode,
    vnp_TmnCode: order.vnp_TmnCode ?? '',
    vnp_TransactionNo: outcome === 'pay' ? txnNo : '0',
    vnp_TransactionStatus: o.transactionStatus,
    vnp_TxnRef: order.vnp_TxnRef ?? '',
  };
}

/** Server-to-server call of the merchant's IPN URL (configured at the gateway, not sent in the order). */
async function callIpn(app: FastifyInstance, query: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `${IPN_PATH}?${query}` });
  return res.body;
}

export const sandboxGatewayPlugin: FastifyPluginAsyncZod = async (app) => {
  const cfg = paymentsConfigFor(app.ctx.config);
  if (cfg.mode !== 'sandbox') return;

  app.get(SANDBOX_PAY_PATH, { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const params = vnpParamsOf(request.query);
    const order = readOrder(params, cfg.tmnCode, cfg.hashSecret, app.ctx.now());
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if ('error' in order)
      return reply
        .status(400)
        .send(
          shell(
            'Giao dịch không thành công',
            `<div class="card"><h1>Giao dịch không thành công</h1><p>${esc(order.error)}</p></div>`,
          ),
        );
    const signed = request.url.slice(request.url.indexOf('?') + 1);
    const link = (outcome: Outcome) => `${COMPLETE_PATH}?outcome=${outcome}&${signed}`;
    return reply.send(
      shell(
        'Thanh toán trực tuyến',
        `<div class="card"><h1>Thanh toán trực tuyến</h1><dl>
<dt>Đơn vị</dt><dd>Cổng Dịch vụ công tỉnh Quảng Ngãi (${esc(cfg.tmnCode)})</dd>
<dt>Mã đơn hàng</dt><dd>${esc(order.orderRef)}</dd>
<dt>Nội dung</dt><dd>${esc(order.orderInfo)}</dd>
<dt>Số tiền</dt><dd class="amount">${esc(dong(order.amount))}</dd></dl>
<a class="btn pay" href="${esc(link('pay'))}">Thanh toán</a>
<a class="btn cancel" href="${esc(link('cancel'))}">Hủy</a>
<a class="btn fail" href="${esc(link('fail'))}">Giả lập lỗi</a>
<p><small>Trang thử nghiệm: không có tiền thật được chuyển.</small></p></div>`,
      ),
    );
  });

  app.get(COMPLETE_PATH, { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const raw = request.query.outcome;
    const outcome = typeof raw === 'string' && raw in OUTCOMES ? (raw as Outcome) : undefined;
    const params = vnpParamsOf(request.query);
    const now = app.ctx.now();
    const order = readOrder(params, cfg.tmnCode, cfg.hashSecret, now);
    if (!outcome || 'error' in order) {
      const why = outcome ? (order as { error: string }).error : 'Thao tác không hợp lệ.';
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(shell('Giao dịch không thành công', `<div class="card"><p>${esc(why)}</p></div>`));
    }
    const query = signedQuery(resultParams(params, outcome, now), cfg.hashSecret);
    const ack = await callIpn(app, query);
    request.log.info({ orderRef: order.orderRef, outcome, ack }, 'sandbox gateway: IPN acknowledged');
    return reply.redirect(`${order.returnUrl}${order.returnUrl.includes('?') ? '&' : '?'}${query}`, 302);
  });
};
