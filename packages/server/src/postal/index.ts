/** Results by post: the postal service client the app and its job share, the job, and what a dossier's history shows. */
import { z } from 'zod';
import type { AppContext } from '../http/context';
import { defineJob } from '../jobs/index';
import { createPostalClient, type PostalClient } from './postal-client';

export type { PostalClient } from './postal-client';

const clients = new WeakMap<AppContext['config'], PostalClient>();

/** One client per configuration: the routes and the job then speak to the same stand-in in the default mode. */
export function postalClientFor(ctx: AppContext): PostalClient {
  let client = clients.get(ctx.config);
  if (!client) {
    client = createPostalClient(ctx.config.postal);
    clients.set(ctx.config, client);
  }
  return client;
}

/** One sweep (the job below, and tests). Loaded on call: the service reads dossiers, whose history reads this module. */
export async function runPostalSweep(ctx: AppContext, client: PostalClient): Promise<void> {
  const { runPostalSweep: run } = await import('./postal.service');
  await run(ctx, client);
}

/**
 * Every minute (Vietnam time), on one server: orders for results now ready, failed orders retried,
 * parcels followed. Idempotent: each order carries its shipment's idempotency key.
 */
export const postalSweepJob = defineJob({
  name: 'postal-shipments',
  version: 1,
  payload: z.object({}),
  run: (ctx) => runPostalSweep(ctx, postalClientFor(ctx)),
  cron: '* * * * *',
  retry: { limit: 2 },
  fetchEverySeconds: 30,
});

/** The delivery of a result by post, for the dossier's history ("Đã giao kết quả qua bưu chính"). */
export async function postalDeliveryOf(ctx: AppContext, dossierId: string): Promise<Date | undefined> {
  const row = await ctx.db
    .selectFrom('postalShipment')
    .select('deliveredAt')
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('dossierId', '=', dossierId)
    .executeTakeFirst();
  return row?.deliveredAt ?? undefined;
}
