import type { Generated } from 'kysely';

/** Tables owned by the payment capability (012_create-payments.sql, 017). */
export type PaymentTables = {
  payment: PaymentTable;
  paymentCallbackLog: PaymentCallbackLogTable;
};

/**
 * 'pending' is the dossier's one open order; 'superseded' was replaced by a newer one but may still
 * be completed at the gateway; 'refund_due' is money the gateway took for a dossier already paid.
 */
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled' | 'superseded' | 'refund_due';

export interface PaymentTable {
  id: string;
  provinceCode: string;
  dossierCode: string;
  orderRef: string;
  amount: number;
  status: Generated<PaymentStatus>;
  gateway: 'vnpay';
  payerId: string;
  orderInfo: string;
  createdAt: Date;
  expiresAt: Date;
  gatewayTxnNo: string | null;
  bankCode: string | null;
  bankTxnNo: string | null;
  cardType: string | null;
  responseCode: string | null;
  payDate: Date | null;
  settledAt: Date | null;
  paidAt: Date | null;
  receiptNumber: string | null;
  receiptFileId: string | null;
  /** For a refund_due order: the order that collected the fee. */
  paidOrderRef: string | null;
  /** vnp_IpAddr as first sent (null for orders made before 017). */
  clientIp: string | null;
}

export type CallbackVerdict =
  | 'paid'
  | 'failed'
  | 'cancelled'
  | 'shown'
  | 'invalid_signature'
  | 'order_not_found'
  | 'invalid_amount'
  | 'already_confirmed'
  /** Paid at the gateway for a dossier already paid: flagged for refund, no receipt. */
  | 'refund_due'
  /** Signed with our secret but not a gateway result (e.g. our own order URL sent back). */
  | 'not_a_notification'
  | 'error';

export interface PaymentCallbackLogTable {
  id: Generated<number>;
  provinceCode: string;
  kind: 'return' | 'ipn';
  orderRef: string | null;
  rawQuery: string;
  verdict: CallbackVerdict;
  rspCode: string | null;
  remoteIp: string | null;
  at: Date;
}
