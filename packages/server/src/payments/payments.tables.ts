import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Tables owned by the payment capability (012_create-payments.sql), reached through `withPaymentTables`. */
// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type PaymentTables = {
  payment: PaymentTable;
  paymentCallbackLog: PaymentCallbackLogTable;
};

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled';

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

export type PaymentDb = Kysely<Database & PaymentTables>;

export function withPaymentTables(db: Kysely<Database>): PaymentDb {
  return db.withTables<PaymentTables>();
}
