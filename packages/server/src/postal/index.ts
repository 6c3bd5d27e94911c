/** Results by post: the postal service client the app and its job share, and the job itself. */
import type { AppContext } from '../http/context';
import { createPostalClient, type PostalClient } from './postal-client';

export { runPostalSweep } from './postal.service';
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
