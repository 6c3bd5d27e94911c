import { randomUUID } from 'node:crypto';
import { postageFor, weightClassForResult } from '@dvc/domain';
import { sql } from 'kysely';
import { factsOfDossier } from '../catalog/index';
import { type DossierRow, postalAddressOf, resolvedForPost, returnByPost } from '../dossiers/index';
import type { AppContext } from '../http/context';
import type { ShipmentRow } from './postal.tables';
import { type PostalClient, PostalError } from './postal-client';

/**
 * A result by post: one shipment per dossier, its order created with the postal service under the
 * shipment's idempotency key (so a retry, a double tap or two servers make one parcel), then its
 * delivery status asked until delivered. A failed order stays pending and is tried again later
 * (backoff); nothing is lost. The order's tracking number returns the result (returnByPost).
 */

const GRAMS = { 'den-100g': 100, 'den-250g': 250, 'den-500g': 500 } as const;
const MAX_BACKOFF_MS = 60 * 60_000;

/** The dossier's shipment, made on first call (a second, concurrent one finds the first's row). */
export async function ensureShipment(ctx: AppContext, dossier: DossierRow): Promise<ShipmentRow | undefined> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const existing = await findShipment(ctx, dossier.id);
  if (existing) return existing;
  const address = postalAddressOf(dossier.form as Record<string, unknown>);
  const facts = await factsOfDossier(ctx, dossier);
  if (!address || !facts) return undefined;
  const quote = postageFor(address, ctx.config.postal.POSTAL_HOME_PROVINCE, weightClassForResult(facts.resultKind));
  const now = ctx.now();
  await ctx.db
    .insertInto('postalShipment')
    .values({
      id: randomUUID(),
      provinceCode,
      dossierId: dossier.id,
      dossierCode: dossier.code,
      idempotencyKey: randomUUID(),
      recipientName: dossier.applicantName,
      recipientPhone: dossier.applicantPhone,
      address,
      destination: quote.destination,
      weightClass: quote.weightClass,
      fee: quote.amount,
      nextAttemptAt: now,
      lastError: null,
      trackingNumber: null,
      createdAt: now,
      orderedAt: null,
      deliveredAt: null,
    })
    .onConflict((oc) => oc.columns(['provinceCode', 'dossierId']).doNothing())
    .execute();
  return findShipment(ctx, dossier.id);
}

export function findShipment(ctx: AppContext, dossierId: string): Promise<ShipmentRow | undefined> {
  return ctx.db
    .selectFrom('postalShipment')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('dossierId', '=', dossierId)
    .executeTakeFirst();
}

/**
 * Creates the order of a pending shipment if it is due. The claim (one UPDATE) moves the next try
 * past the request's time limit, so a concurrent caller finds nothing to do and a crash mid-call is
 * retried later under the same key.
 */
export async function sendShipment(ctx: AppContext, client: PostalClient, id: string): Promise<ShipmentRow | undefined> {
  const now = ctx.now();
  const lease = new Date(now.getTime() + ctx.config.postal.POSTAL_TIMEOUT_MS + 30_000);
  const claimed = await ctx.db
    .updateTable('postalShipment')
    .set({ attempts: sql`attempts + 1`, nextAttemptAt: lease })
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .returningAll()
    .executeTakeFirst();
  if (!claimed) return byId(ctx, id);
  try {
    const order = await client.createOrder({
      idempotencyKey: claimed.idempotencyKey,
      orderCode: claimed.dossierCode,
      receiver: { name: claimed.recipientName, phone: claimed.recipientPhone, address: claimed.address },
      weightGrams: GRAMS[claimed.weightClass as keyof typeof GRAMS] ?? 100,
      declaredFee: claimed.fee,
    });
    const at = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('postalShipment')
        .set({
          status: 'created',
          trackingNumber: order.itemCode,
          orderedAt: at,
          lastError: null,
          nextAttemptAt: new Date(at.getTime() + ctx.config.postal.POSTAL_STATUS_POLL_MS),
        })
        .where('id', '=', id)
        .execute();
      await returnByPost(ctx, trx, claimed.dossierId, order.itemCode);
    });
  } catch (err) {
    if (!(err instanceof PostalError)) throw err;
    const wait = Math.min(ctx.config.postal.POSTAL_RETRY_BASE_MS * 2 ** (claimed.attempts - 1), MAX_BACKOFF_MS);
    await ctx.db
      .updateTable('postalShipment')
      .set({ lastError: err.message.slice(0, 500), nextAttemptAt: new Date(ctx.now().getTime() + wait) })
      .where('id', '=', id)
      .execute();
  }
  return byId(ctx, id);
}

/** Asks the postal service where a parcel is; delivered ends the following. */
export async function followShipment(ctx: AppContext, client: PostalClient, row: ShipmentRow): Promise<void> {
  if (!row.trackingNumber) return;
  const poll = ctx.config.postal.POSTAL_STATUS_POLL_MS;
  try {
    const { status } = await client.status(row.trackingNumber);
    const now = ctx.now();
    await ctx.db
      .updateTable('postalShipment')
      .set({
        status,
        lastError: null,
        nextAttemptAt: new Date(now.getTime() + poll),
        ...(status === 'delivered' ? { deliveredAt: now } : {}),
      })
      .where('id', '=', row.id)
      .where('status', 'not in', ['delivered', 'returned'])
      .execute();
  } catch (err) {
    if (!(err instanceof PostalError)) throw err;
    await ctx.db
      .updateTable('postalShipment')
      .set({ lastError: err.message.slice(0, 500), nextAttemptAt: new Date(ctx.now().getTime() + poll) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** The job (postalSweepJob in index.ts): shipments for results now waiting, orders due, parcels to follow. */
export async function runPostalSweep(ctx: AppContext, client: PostalClient) {
  for (const dossier of await resolvedForPost(ctx)) {
    const shipment = await ensureShipment(ctx, dossier);
    if (shipment?.status === 'pending') await sendShipment(ctx, client, shipment.id);
  }
  const due = await ctx.db
    .selectFrom('postalShipment')
    .selectAll()
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('status', 'not in', ['delivered', 'returned'])
    .where('nextAttemptAt', '<=', ctx.now())
    .orderBy('nextAttemptAt')
    .limit(200)
    .execute();
  for (const row of due) {
    if (row.status === 'pending') await sendShipment(ctx, client, row.id);
    else await followShipment(ctx, client, row);
  }
}

function byId(ctx: AppContext, id: string) {
  return ctx.db.selectFrom('postalShipment').selectAll().where('id', '=', id).executeTakeFirst();
}
