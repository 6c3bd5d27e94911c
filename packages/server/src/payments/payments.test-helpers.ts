import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { createTestApp, type TestApp } from '../test/harness';
import { paymentRoutes } from './payments.routes';
import { IPN_PATH } from './payments.service';
import { sandboxGatewayPlugin } from './sandbox-gateway';
import { paymentsConfigFor } from './sandbox-secret';
import { signedQuery, type VnpParams } from './vnpay';

export interface PaymentsTestApp extends TestApp {
  /** An app with the payment routes and the sandbox gateway, whether or not app.ts registers them yet. */
  api: FastifyInstance;
}

export async function createPaymentsTestApp(): Promise<PaymentsTestApp> {
  const t = await createTestApp();
  let api = t.app;
  if (!t.app.hasRoute({ method: 'GET', url: IPN_PATH })) {
    // Routes must exist before ready(), which createTestApp already called: a second app on the same context.
    api = await buildApp({ ctx: t.ctx });
    await api.register(paymentRoutes);
    await api.register(sandboxGatewayPlugin);
    await api.ready();
  }
  return {
    ...t,
    api,
    async close() {
      if (api !== t.app) await api.close();
      await t.close();
    },
  };
}

/** Path and query of an absolute or relative URL (what inject takes). */
export function pathOf(url: string): string {
  const u = new URL(url, 'http://localhost');
  return `${u.pathname}${u.search}`;
}

/** A sandbox page button's link, by its label. */
export function buttonLink(html: string, label: string): string {
  const m = html.match(new RegExp(`<a class="btn [a-z]+" href="([^"]+)">${label}</a>`));
  if (!m) throw new Error(`no button ${label}`);
  return m[1]!.replace(/&amp;/g, '&');
}

/** An IPN as the gateway would send it for `orderRef`, signed with this app's secret unless told otherwise. */
export function ipnQuery(t: TestApp, orderRef: string, amount: number, overrides: Partial<VnpParams> = {}, secret?: string) {
  const cfg = paymentsConfigFor(t.ctx.config);
  const params: VnpParams = {
    vnp_Amount: String(amount * 100),
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: 'VNP14226112',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Thanh toan le phi ho so',
    vnp_PayDate: '20261202153000',
    vnp_ResponseCode: '00',
    vnp_TmnCode: cfg.tmnCode,
    vnp_TransactionNo: '14226112',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: orderRef,
    ...overrides,
  };
  return signedQuery(params, secret ?? cfg.hashSecret);
}
