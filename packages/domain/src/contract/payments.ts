import { z } from 'zod';

/** Answers of the online payment routes (orders, a dossier's payments, the reconciliation), for the server and the app. */

const VietQrView = z.object({
  payload: z.string(),
  bankBin: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  content: z.string(),
});

/** POST /api/v1/dossiers/:code/payments: the order made, its gateway address and its VietQR. */
export const CreatedPaymentView = z.object({
  paymentUrl: z.string(),
  orderRef: z.string(),
  amount: z.number().int(),
  expiresAt: z.string(),
  gateway: z.enum(['sandbox', 'vnpay']),
  vietQr: VietQrView,
});

export const PaymentView = z.object({
  id: z.string(),
  orderRef: z.string(),
  amount: z.number().int(),
  status: z.enum(['pending', 'paid', 'failed', 'cancelled', 'superseded', 'refund_due']),
  statusLabel: z.string(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  gatewayTxnNo: z.string().nullable(),
  bankCode: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  receiptUrl: z.string().nullable(),
  /** For a refund_due order: the order that collected the fee. */
  paidOrderRef: z.string().nullable(),
});

/** GET /api/v1/dossiers/:code/payments: the dossier's fee and every order made for it. */
export const DossierPaymentsView = z.object({
  feeAmount: z.number().int(),
  paidOnline: z.boolean(),
  items: z.array(PaymentView),
});

const ReconciledFields = {
  id: z.string(),
  dossierCode: z.string(),
  orderRef: z.string(),
  amount: z.number().int(),
  gatewayTxnNo: z.string().nullable(),
  bankCode: z.string().nullable(),
  bankTxnNo: z.string().nullable(),
  payDate: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  agencyCode: z.string(),
  applicantName: z.string(),
};

/** GET /api/v1/payments/reconciliation: a Vietnam day's fees paid online, and money taken twice to refund. */
export const ReconciliationView = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      ...ReconciledFields,
      gateway: z.string(),
      paidAt: z.string().nullable(),
      procedureCode: z.string(),
    }),
  ),
  byAgency: z.array(z.object({ agencyCode: z.string(), count: z.number().int(), amount: z.number().int() })),
  /** Taken by the gateway for a dossier already paid: not fees, to be refunded. */
  refundDue: z.array(
    z.object({
      ...ReconciledFields,
      settledAt: z.string().nullable(),
      paidOrderRef: z.string().nullable(),
    }),
  ),
  totals: z.object({
    count: z.number().int(),
    amount: z.number().int(),
    refundDueCount: z.number().int(),
    refundDueAmount: z.number().int(),
  }),
});

export type CreatedPayment = z.infer<typeof CreatedPaymentView>;
export type Payment = z.infer<typeof PaymentView>;
export type Reconciliation = z.infer<typeof ReconciliationView>;
