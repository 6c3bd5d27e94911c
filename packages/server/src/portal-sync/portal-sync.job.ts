import { z } from 'zod';
import type { PortalSyncConfig } from '../config';
import { defineJob } from '../jobs/index';
import { drainPortalSync, hasDuePortalSync } from './portal-sync.sender';

/**
 * The portal sync's drain, queued whenever the due check sees a message due: its queue holds at most
 * one drain queued and one running across servers, which also keeps each dossier's messages in order.
 * pg-boss retries a drain that crashed; each message has its own backoff in the sender. Idempotent:
 * the portal acknowledges a message id it already has. `env`: the sender's settings (tests).
 */
export function portalSyncJob(env?: PortalSyncConfig) {
  return defineJob({
    name: 'portal-sync-drain',
    version: 1,
    payload: z.object({}),
    run: (ctx) => drainPortalSync(ctx, ctx.now(), { env: env ?? ctx.config.portalSync }),
    due: (ctx) => hasDuePortalSync(ctx, ctx.now()),
    retry: { limit: 5, delaySeconds: 5, backoff: true },
    expireInSeconds: 600,
    fetchEverySeconds: 1,
  });
}
