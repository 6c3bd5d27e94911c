import { CreatedPaymentView, DossierPaymentsView, ReconciliationView } from '@dvc/domain/contract/payments';
import { vietnamDate, vietnamDays } from '@dvc/domain/vietnam-time';
import { isCalendarDate } from '@dvc/domain/working-days';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findVisibleDossier } from '../dossiers/dossier-queries.service';
import { blobStoreFor } from '../files/files.service';
import { problem } from '../http/problem';
import { refusals, unwrap } from '../http/refusal';
import { getActor, requireCitizen, requireRole } from '../identity/actor';
import {
  findPaymentById,
  listDossierPayments,
  listPaidBetween,
  listRefundDueBetween,
  type PaymentRow,
} from './payments.repository';
import { createPayment, handleIpn, handleReturn, IPN_PATH, type PaymentFailure, RETURN_PATH } from './payments.service';
import { vnpParamsOf } from './vnpay';

const tags = ['payments'];

const STATUS_LABELS: Record<PaymentRow['status'], string> = {
  pending: 'Chờ thanh toán',
  paid: 'Đã thanh toán',
  failed: 'Thanh toán không thành công',
  cancelled: 'Đã hủy thanh toán',
  superseded: 'Đã thay bằng lệnh thanh toán mới',
  refund_due: 'Đã thu trùng, chờ hoàn tiền',
};

// The problem codes are the reasons as they are (with underscores): clients already read them so.
const PAYMENT_REFUSALS = refusals<PaymentFailure>({
  not_found: { status: 404, code: 'not_found', title: 'Không tìm thấy hồ sơ' },
  no_fee: { status: 409, code: 'no_fee', title: 'Hồ sơ này không phải nộp phí, lệ phí' },
  already_paid: { status: 409, code: 'already_paid', title: 'Hồ sơ đã được thanh toán' },
  closed: { status: 409, code: 'closed', title: 'Hồ sơ đã kết thúc, không thể thanh toán' },
});

const CodeParams = z.object({ code: z.string().trim().min(1).max(60) });
const CallbackQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const ReconciliationQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD')
    .optional(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(p: PaymentRow) {
  return {
    id: p.id,
    orderRef: p.orderRef,
    amount: p.amount,
    status: p.status,
    statusLabel: STATUS_LABELS[p.status],
    createdAt: p.createdAt.toISOString(),
    paidAt: iso(p.paidAt),
    gatewayTxnNo: p.gatewayTxnNo,
    bankCode: p.bankCode,
    receiptNumber: p.receiptNumber,
    // Only the order that collected the fee has a receipt to show (a doubled one's is cancelled).
    receiptUrl: p.status === 'paid' && p.receiptFileId ? `/api/v1/payments/${p.id}/receipt.pdf` : null,
    paidOrderRef: p.paidOrderRef,
  };
}

function callbackInput(request: FastifyRequest) {
  const at = request.url.indexOf('?');
  return {
    query: vnpParamsOf(request.query),
    rawQuery: at < 0 ? '' : request.url.slice(at + 1),
    remoteIp: request.ip ?? null,
    logError: (err: unknown) => request.log.error({ err }, 'payment callback failed'),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}a{color:#0b5cad}</style></head><body><h1>${title}</h1><p>${body}</p><p><a href="/">Về trang Dịch vụ công</a></p></body></html>`;
}

/** Fees paid online: orders, the VNPay callbacks, receipts, and the officers' reconciliation. */
export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/dossiers/:code/payments',
    {
      schema: {
        tags,
        summary: 'Tạo lệnh thanh toán phí, lệ phí của hồ sơ (VNPay, VietQR)',
        params: CodeParams,
        body: z.strictObject({}).optional(),
        response: { 201: CreatedPaymentView },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const origin = `${request.protocol}://${request.host}`;
      const r = await createPayment(app.ctx, actor, request.params.code, origin, request.ip);
      const created = unwrap(r, PAYMENT_REFUSALS);
      request.auditRecord = { type: 'payment', id: created.orderRef };
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/dossiers/:code/payments',
    {
      schema: {
        tags,
        summary: 'Các lần thanh toán của hồ sơ (đã / chưa thanh toán, biên lai)',
        params: CodeParams,
        response: { 200: DossierPaymentsView },
      },
    },
    async (request) => {
      const row = await findVisibleDossier(app.ctx, getActor(request), request.params.code);
      if (!row) throw problem(404, 'not_found', 'Không tìm thấy hồ sơ');
      const items = await listDossierPayments(app.ctx.db, app.ctx.config.PROVINCE_CODE, row.code);
      return { feeAmount: row.feeAmount, paidOnline: row.paidOnline, items: items.map(view) };
    },
  );

  app.get(
    '/api/v1/payments/:id/receipt.pdf',
    { schema: { tags, summary: 'Tải biên lai thu phí, lệ phí điện tử (PDF)', params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const actor = getActor(request);
      const payment = await findPaymentById(app.ctx.db, app.ctx.config.PROVINCE_CODE, request.params.id);
      const visible = payment && (await findVisibleDossier(app.ctx, actor, payment.dossierCode));
      const stream = visible && payment.receiptFileId ? await blobStoreFor(app.ctx).get(payment.receiptFileId) : undefined;
      if (!payment || !stream) throw problem(404, 'not_found', 'Không tìm thấy biên lai');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bien-lai-${payment.receiptNumber}.pdf"`)
        .send(stream);
    },
  );

  app.get(
    '/api/v1/payments/reconciliation',
    {
      schema: {
        tags,
        summary: 'Đối soát thanh toán trực tuyến theo ngày (mã giao dịch cổng thanh toán), kèm các khoản thu trùng cần hoàn tiền',
        querystring: ReconciliationQuery,
        response: { 200: ReconciliationView },
      },
    },
    async (request) => {
      // A province administrator's grant counts only for this province (issue 13: admin routes scoped).
      const grants = requireRole(request, 'province_admin', 'system_admin', 'receiver').filter(
        (g) => g.role !== 'province_admin' || g.unitCode === app.ctx.config.PROVINCE_CODE,
      );
      if (grants.length === 0) throw problem(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này');
      const date = request.query.date ?? vietnamDate(app.ctx.now());
      if (!isCalendarDate(date)) throw problem(400, 'invalid_date', 'Ngày không hợp lệ');
      const { start: from, end: to } = vietnamDays(date, date);
      // Province roles see every agency; a receiver sees the agencies of their receiver grants.
      const agencies = grants.some((g) => g.role !== 'receiver') ? null : [...new Set(grants.map((g) => g.agencyCode))];
      const rows = await listPaidBetween(app.ctx.db, app.ctx.config.PROVINCE_CODE, from, to, agencies);
      const refundDue = await listRefundDueBetween(app.ctx.db, app.ctx.config.PROVINCE_CODE, from, to, agencies);
      const byAgency = new Map<string, { agencyCode: string; count: number; amount: number }>();
      for (const r of rows) {
        const a = byAgency.get(r.agencyCode) ?? { agencyCode: r.agencyCode, count: 0, amount: 0 };
        a.count++;
        a.amount += r.amount;
        byAgency.set(r.agencyCode, a);
      }
      return {
        date,
        items: rows.map((r) => ({ ...r, payDate: iso(r.payDate), paidAt: iso(r.paidAt) })),
        byAgency: [...byAgency.values()],
        // Taken by the gateway for a dossier already paid: not fees, to be refunded.
        refundDue: refundDue.map((r) => ({ ...r, payDate: iso(r.payDate), settledAt: iso(r.settledAt) })),
        totals: {
          count: rows.length,
          amount: rows.reduce((s, r) => s + r.amount, 0),
          refundDueCount: refundDue.length,
          refundDueAmount: refundDue.reduce((s, r) => s + r.amount, 0),
        },
      };
    },
  );

  app.get(
    RETURN_PATH,
    { schema: { tags, summary: 'VNPay chuyển trình duyệt về (chỉ hiển thị kết quả)', querystring: CallbackQuery } },
    async (request, reply) => {
      const target = await handleReturn(app.ctx, callbackInput(request));
      if (target) return reply.redirect(target.location, 302);
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(
          page(
            'Không xác thực được kết quả thanh toán',
            'Dữ liệu trả về từ cổng thanh toán không hợp lệ. Giao dịch không được ghi nhận từ trang này.',
          ),
        );
    },
  );

  app.get(
    IPN_PATH,
    {
      schema: {
        tags,
        summary: 'VNPay IPN: thông báo kết quả thanh toán (máy chủ tới máy chủ)',
        querystring: CallbackQuery,
        response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) },
      },
    },
    async (request) => handleIpn(app.ctx, callbackInput(request)),
  );
};
