import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { CallbackVerdict, PaymentTable } from './payments.tables';

type Db = Kysely<Database>;
export type PaymentRow = Selectable<PaymentTable>;

/**
 * Opens the dossier's order unless another one is open (payment_one_open_per_dossier): undefined
 * then, and the caller hands out that one. A concurrent insert waits for the other to commit.
 */
export async function insertOpenPayment(db: Db, row: Omit<PaymentRow, 'status'>): Promise<PaymentRow | undefined> {
  return (await db
    .insertInto('payment')
    .values(row)
    // A literal predicate: PostgreSQL infers the partial unique index only from a constant.
    .onConflict((oc) => oc.columns(['provinceCode', 'dossierCode']).where(sql<boolean>`status = 'pending'`).doNothing())
    .returningAll()
    .executeTakeFirst()) as PaymentRow | undefined;
}

export async function findOpenPayment(db: Db, provinceCode: string, dossierCode: string) {
  return (await db
    .selectFrom('payment')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('dossierCode', '=', dossierCode)
    .where('status', '=', 'pending')
    .executeTakeFirst()) as PaymentRow | undefined;
}

/** The order that collected the dossier's fee (payment_one_paid_per_dossier: at most one). */
export async function findPaidPayment(db: Db, provinceCode: string, dossierCode: string) {
  return (await db
    .selectFrom('payment')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('dossierCode', '=', dossierCode)
    .where('status', '=', 'paid')
    .executeTakeFirst()) as PaymentRow | undefined;
}

/** Closes the dossier's open order (only `onlyId`, when given): a newer order, or a paid one, replaces it. */
export async function supersedeOpenPayments(db: Db, provinceCode: string, dossierCode: string, onlyId?: string) {
  let q = db
    .updateTable('payment')
    .set({ status: 'superseded' })
    .where('provinceCode', '=', provinceCode)
    .where('dossierCode', '=', dossierCode)
    .where('status', '=', 'pending');
  if (onlyId) q = q.where('id', '=', onlyId);
  await q.execute();
}

export async function findPaymentByOrderRef(db: Db, provinceCode: string, orderRef: string, lock = false) {
  let q = db.selectFrom('payment').selectAll().where('provinceCode', '=', provinceCode).where('orderRef', '=', orderRef);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as PaymentRow | undefined;
}

export async function findPaymentById(db: Db, provinceCode: string, id: string) {
  return (await db
    .selectFrom('payment')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .executeTakeFirst()) as PaymentRow | undefined;
}

export async function listDossierPayments(db: Db, provinceCode: string, dossierCode: string) {
  return (await db
    .selectFrom('payment')
    .selectAll()
    .where('provinceCode', '=', provinceCode)
    .where('dossierCode', '=', dossierCode)
    .orderBy('createdAt', 'desc')
    .execute()) as PaymentRow[];
}

/** Settles an order still open at the gateway; false when it was settled already (a concurrent IPN won). */
export async function settlePayment(
  db: Db,
  provinceCode: string,
  id: string,
  values: Partial<Omit<PaymentRow, 'id' | 'provinceCode'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('payment')
    .set(values)
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'superseded'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function nextReceiptNumber(db: Db): Promise<string> {
  const r = await sql<{ n: number }>`select nextval('payment_receipt_number_seq')::int as n`.execute(db);
  return String(r.rows[0]!.n).padStart(7, '0');
}

export async function logCallback(
  db: Db,
  entry: {
    provinceCode: string;
    kind: 'return' | 'ipn';
    orderRef: string | null;
    rawQuery: string;
    verdict: CallbackVerdict;
    rspCode: string | null;
    remoteIp: string | null;
    at: Date;
  },
): Promise<void> {
  await db.insertInto('paymentCallbackLog').values(entry).execute();
}

/** Paid payments whose payment time falls in [from, to), with their dossier's agency. */
export async function listPaidBetween(db: Db, provinceCode: string, from: Date, to: Date, agencies: string[] | null) {
  let q = db
    .selectFrom('payment as p')
    .innerJoin('dossier as d', (j) => j.onRef('d.provinceCode', '=', 'p.provinceCode').onRef('d.code', '=', 'p.dossierCode'))
    .select([
      'p.id',
      'p.dossierCode',
      'p.orderRef',
      'p.amount',
      'p.gateway',
      'p.gatewayTxnNo',
      'p.bankCode',
      'p.bankTxnNo',
      'p.payDate',
      'p.paidAt',
      'p.receiptNumber',
      'd.agencyCode',
      'd.applicantName',
      'd.procedureCode',
    ])
    .where('p.provinceCode', '=', provinceCode)
    .where('p.status', '=', 'paid')
    .where('p.paidAt', '>=', from)
    .where('p.paidAt', '<', to);
  if (agencies) q = q.where('d.agencyCode', 'in', agencies.length ? agencies : ['']);
  return q.orderBy('p.paidAt').orderBy('p.orderRef').execute();
}

/** Money the gateway took for dossiers already paid, settled in [from, to): to refund. */
export async function listRefundDueBetween(db: Db, provinceCode: string, from: Date, to: Date, agencies: string[] | null) {
  let q = db
    .selectFrom('payment as p')
    .innerJoin('dossier as d', (j) => j.onRef('d.provinceCode', '=', 'p.provinceCode').onRef('d.code', '=', 'p.dossierCode'))
    .select([
      'p.id',
      'p.dossierCode',
      'p.orderRef',
      'p.amount',
      'p.gatewayTxnNo',
      'p.bankCode',
      'p.bankTxnNo',
      'p.payDate',
      'p.settledAt',
      'p.paidOrderRef',
      'p.receiptNumber',
      'd.agencyCode',
      'd.applicantName',
    ])
    .where('p.provinceCode', '=', provinceCode)
    .where('p.status', '=', 'refund_due')
    .where('p.settledAt', '>=', from)
    .where('p.settledAt', '<', to);
  if (agencies) q = q.where('d.agencyCode', 'in', agencies.length ? agencies : ['']);
  return q.orderBy('p.settledAt').orderBy('p.orderRef').execute();
}
