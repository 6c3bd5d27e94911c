import { randomBytes, randomUUID } from 'node:crypto';
import { type DossierState, TERMINAL_STATES, vietQrPayload } from '@dvc/domain';
import type { Kysely } from 'kysely';
import { factsOfDossier } from '../catalog/index';
import type { Database } from '../db/schema';
import { lockDossierForPayment, markDossierPaid } from '../dossiers/dossier-payment';
import { findDossierRow } from '../dossiers/index';
import { blobStoreFor } from '../files/files.service';
import { upsertStoredFile } from '../files/index';
import type { AppContext } from '../http/context';
import type { Failure, Result } from '../http/refusal';
import type { Actor } from '../identity/actor';
import { agencyNames } from '../identity/index';
import { dossierMessage, enqueueOutbox } from '../notifications/outbox';
import { sealIssuedPdf } from '../signing/index';
import { renderPaymentReceipt } from './payment-receipt';
import {
  findOpenPayment,
  findPaidPayment,
  findPaymentByOrderRef,
  insertOpenPayment,
  logCallback,
  nextReceiptNumber,
  type PaymentRow,
  settlePayment,
  supersedeOpenPayments,
} from './payments.repository';
import type { CallbackVerdict } from './payments.tables';
import { type PaymentSettings, paymentsConfigFor } from './sandbox-secret';
import {
  buildPaymentUrl,
  formatVnpDate,
  fromVnpAmount,
  IPN,
  type IpnAnswer,
  parseVnpDate,
  RESPONSE_CANCELLED,
  RESPONSE_SUCCESS,
  toVnpAmount,
  VNP_VERSION,
  type VnpParams,
  verifySignature,
} from './vnpay';

export const TOPIC_PAYMENT = 'payment';
export const RETURN_PATH = '/api/v1/payments/vnpay/return';
export const IPN_PATH = '/api/v1/payments/vnpay/ipn';

export type PaymentFailure = Failure<'not_found' | 'no_fee' | 'already_paid' | 'closed'>;

export interface CreatedPayment {
  paymentUrl: string;
  orderRef: string;
  amount: number;
  expiresAt: string;
  gateway: PaymentSettings['mode'];
  vietQr: { payload: string; bankBin: string; accountNumber: string; accountName: string; content: string };
}

/** QN + yyMMddHHmmss (GMT+7) + 4 random hex: unique, sortable, and short enough for a transfer note. */
function newOrderRef(now: Date): string {
  return `QN${formatVnpDate(now).slice(2)}${randomBytes(2).toString('hex').toUpperCase()}`;
}

/**
 * The applicant starts paying the dossier's fee: the dossier's one open order for `fee_amount` (the
 * reduced online fee computed at filing), the signed gateway URL and a VietQR transfer code. A
 * second tap — even at the same instant — gets the same order and the same URL, never a second
 * order (payment_one_open_per_dossier); an expired order, or one for another amount, is superseded.
 */
export async function createPayment(
  ctx: AppContext,
  actor: Actor,
  code: string,
  origin: string,
  clientIp: string,
): Promise<Result<CreatedPayment, PaymentFailure>> {
  const pc = ctx.config.PROVINCE_CODE;
  const cfg = paymentsConfigFor(ctx.config);
  const now = ctx.now();
  const dossier = await findDossierRow(ctx.db, pc, code.trim().toUpperCase());
  if (!dossier || dossier.applicantId !== actor.userId) return { ok: false, reason: 'not_found' };
  if (dossier.feeAmount <= 0) return { ok: false, reason: 'no_fee' };
  if (dossier.paidOnline || (await findPaidPayment(ctx.db, pc, dossier.code))) return { ok: false, reason: 'already_paid' };
  if (TERMINAL_STATES.has(dossier.status as DossierState)) return { ok: false, reason: 'closed' };

  const payment = await openOrder(ctx.db, pc, () => ({
    id: randomUUID(),
    provinceCode: pc,
    dossierCode: dossier.code,
    orderRef: newOrderRef(now),
    amount: dossier.feeAmount,
    gateway: 'vnpay' as const,
    payerId: actor.userId,
    // VNPay: Vietnamese without diacritics, no special characters.
    orderInfo: `Thanh toan le phi ho so ${dossier.code}`,
    createdAt: now,
    expiresAt: new Date(now.getTime() + cfg.VNPAY_EXPIRE_MINUTES * 60_000),
    gatewayTxnNo: null,
    bankCode: null,
    bankTxnNo: null,
    cardType: null,
    responseCode: null,
    payDate: null,
    settledAt: null,
    paidAt: null,
    receiptNumber: null,
    receiptFileId: null,
    paidOrderRef: null,
    clientIp,
  }));
  const params: VnpParams = {
    vnp_Version: VNP_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: cfg.tmnCode,
    vnp_Amount: toVnpAmount(payment.amount),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: payment.orderRef,
    vnp_OrderInfo: payment.orderInfo,
    vnp_OrderType: 'other',
    vnp_Locale: 'vn',
    vnp_ReturnUrl: `${ctx.config.PUBLIC_URL ?? origin}${RETURN_PATH}`,
    vnp_IpAddr: payment.clientIp ?? clientIp,
    vnp_CreateDate: formatVnpDate(payment.createdAt),
    vnp_ExpireDate: formatVnpDate(payment.expiresAt),
  };
  const base = cfg.mode === 'sandbox' ? `${ctx.config.PUBLIC_URL ?? ''}${cfg.payUrl}` : cfg.payUrl;
  return {
    ok: true,
    value: {
      paymentUrl: buildPaymentUrl(base, params, cfg.hashSecret),
      orderRef: payment.orderRef,
      amount: payment.amount,
      expiresAt: payment.expiresAt.toISOString(),
      gateway: cfg.mode,
      vietQr: {
        payload: vietQrPayload({
          bin: cfg.VIETQR_BIN,
          accountNumber: cfg.VIETQR_ACCOUNT,
          amount: payment.amount,
          purpose: payment.orderRef,
        }),
        bankBin: cfg.VIETQR_BIN,
        accountNumber: cfg.VIETQR_ACCOUNT,
        accountName: cfg.VIETQR_ACCOUNT_NAME,
        content: payment.orderRef,
      },
    },
  };
}

/**
 * The open order still payable for the fee, or a fresh one inserted as the open order. Racing taps
 * all try the insert; the unique index lets one through and the others hand out its order.
 */
async function openOrder(db: Kysely<Database>, pc: string, fresh: () => Omit<PaymentRow, 'status'>): Promise<PaymentRow> {
  // Each pass either returns or saw a concurrent change (an order opened or closed meanwhile, or
  // another dossier's order took the same reference in the same second).
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = fresh();
    const open = await findOpenPayment(db, pc, row.dossierCode);
    if (open && open.expiresAt > row.createdAt && open.amount === row.amount) return open;
    if (open) await supersedeOpenPayments(db, pc, row.dossierCode, open.id);
    try {
      const inserted = await insertOpenPayment(db, row);
      if (inserted) return inserted;
    } catch (err) {
      if (!isUniqueViolation(err, 'payment_order_ref_key')) throw err;
    }
  }
  throw new Error('no open payment order could be made');
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  return e?.code === '23505' && (e.constraint === constraint || String(e.message).includes(constraint));
}

export interface CallbackInput {
  query: VnpParams;
  rawQuery: string;
  remoteIp: string | null;
  /** Where an unexpected failure is reported (the request's logger). */
  logError?: (err: unknown) => void;
}

/** Orders the gateway may still complete: the open one, and one replaced by a newer order. */
const OPEN_AT_GATEWAY: ReadonlySet<PaymentRow['status']> = new Set(['pending', 'superseded']);

/**
 * A gateway result carries its response and transaction status; our own signed order URL (same
 * secret, vnp_Command=pay) does not, and must never settle anything when sent back to the IPN.
 */
function isGatewayResult(q: VnpParams): boolean {
  return q.vnp_Command === undefined && !!q.vnp_ResponseCode && !!q.vnp_TransactionStatus;
}

/**
 * The gateway's server-to-server notification, checked in VNPay's order: signature (97), order
 * (01), amount (04), still open (else 02: a repeated or replayed notification changes nothing),
 * a gateway result at all (else 99), then settled in one transaction and acknowledged 00.
 *
 * Success settles the fee once per dossier: the first paid order gets the paid flag, the receipt
 * PDF, the outbox message, and closes the dossier's other open order; a later one (an older order
 * completed at the gateway after the fee was paid) becomes refund_due — no receipt, listed for the
 * officers' reconciliation — and is still acknowledged 00: the gateway's notice of that order was
 * recorded. A failed or cancelled payment is acknowledged 00 too and leaves the dossier unpaid.
 * Every call is logged, and a rejected one changes nothing else.
 */
export async function handleIpn(ctx: AppContext, input: CallbackInput): Promise<IpnAnswer> {
  const pc = ctx.config.PROVINCE_CODE;
  const cfg = paymentsConfigFor(ctx.config);
  const q = input.query;
  const orderRef = q.vnp_TxnRef ?? null;
  const log = (verdict: CallbackVerdict, answer: IpnAnswer) =>
    logCallback(ctx.db, {
      provinceCode: pc,
      kind: 'ipn',
      orderRef,
      rawQuery: input.rawQuery,
      verdict,
      rspCode: answer.RspCode,
      remoteIp: input.remoteIp,
      at: ctx.now(),
    }).then(() => answer);
  try {
    if (!verifySignature(q, cfg.hashSecret)) return await log('invalid_signature', IPN.invalidSignature);
    const found = orderRef && q.vnp_TmnCode === cfg.tmnCode ? await findPaymentByOrderRef(ctx.db, pc, orderRef) : undefined;
    if (!found) return await log('order_not_found', IPN.orderNotFound);
    if (fromVnpAmount(q.vnp_Amount) !== found.amount) return await log('invalid_amount', IPN.invalidAmount);
    if (!OPEN_AT_GATEWAY.has(found.status)) return await log('already_confirmed', IPN.alreadyConfirmed);
    if (!isGatewayResult(q)) return await log('not_a_notification', IPN.unknownError);
    const settled = await ctx.db.transaction().execute(async (trx) => {
      // The dossier first: the IPNs of two orders of one dossier queue here, never both take the fee.
      const dossier = await lockDossierForPayment(trx, pc, found.dossierCode);
      const payment = await findPaymentByOrderRef(trx, pc, found.orderRef, true);
      // A concurrent IPN for the same order committed first: this one is the repeat.
      if (!dossier || !payment || !OPEN_AT_GATEWAY.has(payment.status)) return undefined;
      const now = ctx.now();
      const success = q.vnp_ResponseCode === RESPONSE_SUCCESS && q.vnp_TransactionStatus === RESPONSE_SUCCESS;
      const gateway = {
        gatewayTxnNo: q.vnp_TransactionNo || null,
        bankCode: q.vnp_BankCode || null,
        bankTxnNo: q.vnp_BankTranNo || null,
        cardType: q.vnp_CardType || null,
        responseCode: q.vnp_ResponseCode || null,
        payDate: parseVnpDate(q.vnp_PayDate) ?? null,
        settledAt: now,
      };
      let verdict: CallbackVerdict = success ? 'paid' : q.vnp_ResponseCode === RESPONSE_CANCELLED ? 'cancelled' : 'failed';
      if (!success) {
        await settlePayment(trx, pc, payment.id, { ...gateway, status: verdict as 'failed' | 'cancelled' });
      } else {
        const paid = await findPaidPayment(trx, pc, payment.dossierCode);
        if (paid || dossier.paidOnline) {
          verdict = 'refund_due';
          await settlePayment(trx, pc, payment.id, { ...gateway, status: 'refund_due', paidOrderRef: paid?.orderRef ?? null });
        } else {
          const receipt = await paidWithReceipt(ctx, trx, cfg, payment, gateway.payDate ?? now, gateway);
          await settlePayment(trx, pc, payment.id, { ...gateway, ...receipt, status: 'paid', paidAt: now });
          // The dossier's other open order can no longer take the fee; paid at the gateway anyway, it is refunded.
          await supersedeOpenPayments(trx, pc, payment.dossierCode);
        }
      }
      await logCallback(trx, {
        provinceCode: pc,
        kind: 'ipn',
        orderRef,
        rawQuery: input.rawQuery,
        verdict,
        rspCode: IPN.ok.RspCode,
        remoteIp: input.remoteIp,
        at: now,
      });
      return IPN.ok;
    });
    return settled ?? (await log('already_confirmed', IPN.alreadyConfirmed));
  } catch (err) {
    input.logError?.(err);
    return log('error', IPN.unknownError).catch(() => IPN.unknownError);
  }
}

/** Marks the dossier paid, stores its receipt PDF (owned by the payer) and queues the notification. */
async function paidWithReceipt(
  ctx: AppContext,
  trx: Kysely<Database>,
  cfg: PaymentSettings,
  payment: PaymentRow,
  paidAt: Date,
  gateway: { gatewayTxnNo: string | null; bankCode: string | null },
): Promise<{ receiptNumber: string; receiptFileId: string }> {
  const pc = ctx.config.PROVINCE_CODE;
  const now = ctx.now();
  const dossier = await markDossierPaid(trx, pc, payment.dossierCode, now);
  if (!dossier) throw new Error(`dossier ${payment.dossierCode} of payment ${payment.orderRef} is missing`);
  const agencyName = (await agencyNames(trx, pc, [dossier.agencyCode])).get(dossier.agencyCode) ?? dossier.agencyCode;
  const receiptNumber = await nextReceiptNumber(trx);
  const unsigned = await renderPaymentReceipt({
    config: cfg,
    dossier,
    procedure: await factsOfDossier(ctx, dossier, trx),
    agencyName,
    amount: payment.amount,
    receiptNumber,
    paidAt,
    issuedAt: now,
    ...gateway,
  });
  const pdf = await sealIssuedPdf(ctx, trx, {
    agencyCode: dossier.agencyCode,
    pdf: unsigned,
    kind: 'fee-receipt',
    dossierCode: dossier.code,
  });
  // The blob is written first (a rolled-back transaction leaves only an unreferenced blob); the
  // file row goes through this transaction: storeBuffer would use a second connection, which
  // PGlite's single connection cannot give while this transaction holds it.
  const { sha256, size } = await blobStoreFor(ctx).put(pdf);
  await upsertStoredFile(trx, {
    provinceCode: pc,
    ownerId: payment.payerId,
    sha256,
    originalName: `bien-lai-${receiptNumber}-${dossier.code}.pdf`,
    mediaType: 'application/pdf',
    size,
    createdAt: now,
  });
  await enqueueOutbox(trx, {
    provinceCode: pc,
    topic: TOPIC_PAYMENT,
    payload: {
      ...dossierMessage(dossier, 'dossier_event', now),
      // Not a lifecycle event: templates render 'fee_paid' once the notification capability has one.
      kind: 'fee_paid',
      amount: payment.amount,
      orderRef: payment.orderRef,
      receiptNumber,
    },
    createdAt: now,
  });
  return { receiptNumber, receiptFileId: sha256 };
}

/**
 * The browser coming back from the gateway: only shows the outcome (VNPay's rule: the IPN, not this
 * redirect, settles the order). Returns where to send the browser, or undefined for a forged or
 * unknown callback (which is logged and answered with an error page).
 */
export async function handleReturn(ctx: AppContext, input: CallbackInput): Promise<{ location: string } | undefined> {
  const pc = ctx.config.PROVINCE_CODE;
  const cfg = paymentsConfigFor(ctx.config);
  const q = input.query;
  const valid = verifySignature(q, cfg.hashSecret);
  const payment = valid && q.vnp_TxnRef ? await findPaymentByOrderRef(ctx.db, pc, q.vnp_TxnRef) : undefined;
  const verdict: CallbackVerdict = !valid ? 'invalid_signature' : !payment ? 'order_not_found' : 'shown';
  await logCallback(ctx.db, {
    provinceCode: pc,
    kind: 'return',
    orderRef: q.vnp_TxnRef ?? null,
    rawQuery: input.rawQuery,
    verdict,
    rspCode: null,
    remoteIp: input.remoteIp,
    at: ctx.now(),
  });
  if (!payment) return undefined;
  const ok = q.vnp_ResponseCode === RESPONSE_SUCCESS && q.vnp_TransactionStatus === RESPONSE_SUCCESS;
  const params = new URLSearchParams({ 'thanh-toan': ok ? 'ok' : 'loi', 'ma-giao-dich': payment.orderRef });
  return { location: `/ho-so/${encodeURIComponent(payment.dossierCode)}?${params}` };
}
