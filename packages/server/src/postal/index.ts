/** Results by post: the postal service client the app and its job share, the job, and what a dossier's history shows. */
import type { AppContext } from '../http/context';
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

/** The job (jobs/workers.ts). Loaded on call: the service reads dossiers, whose history reads this module. */
export async function runPostalSweep(ctx: AppContext, client: PostalClient): Promise<void> {
  const { runPostalSweep: run } = await import('./postal.service');
  await run(ctx, client);
}

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
