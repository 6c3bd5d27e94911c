import type PgBoss from 'pg-boss';
import type { PortalSyncConfig } from '../config';
import { inBackground } from '../db/database';
import type { AppContext } from '../http/context';
import { drainPortalSync, hasDuePortalSync } from './portal-sync.sender';

export const QUEUE_PORTAL_SYNC = 'portal-sync-drain';

export interface PortalSyncWorker {
  /** Stops polling and waits for a running poll (call before stopping pg-boss). */
  stop(): Promise<void>;
}

/**
 * The pg-boss job of the portal sync, in the style of jobs/workers.ts: a 'stately' queue (at most one
 * drain queued and one running across servers, which also keeps each dossier's messages in order),
 * queued by an in-process poll only when a message is due, so an idle server writes nothing to
 * pgboss.job. pg-boss retries a drain that crashed; each message has its own backoff in the sender.
 * Call with the boss returned by startWorkers(), after it has started. Background work, like the
 * other jobs (db/pglite-dialect.ts).
 */
export function startPortalSyncWorker(
  boss: PgBoss,
  ctx: AppContext,
  options: { pollMs?: number; env?: PortalSyncConfig } = {},
): Promise<PortalSyncWorker> {
  return inBackground(() => start(boss, ctx, options));
}

async function start(
  boss: PgBoss,
  ctx: AppContext,
  options: { pollMs?: number; env?: PortalSyncConfig },
): Promise<PortalSyncWorker> {
  const env = options.env ?? ctx.config.portalSync;
  await boss.createQueue(QUEUE_PORTAL_SYNC, {
    name: QUEUE_PORTAL_SYNC,
    policy: 'stately',
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 600,
  });
  await boss.work(QUEUE_PORTAL_SYNC, { pollingIntervalSeconds: 1 }, async () => {
    await drainPortalSync(ctx, ctx.now(), { env });
  });
  let polling: Promise<void> | undefined;
  const poll = async () => {
    try {
      if (await hasDuePortalSync(ctx, ctx.now())) await boss.send(QUEUE_PORTAL_SYNC, {});
    } catch (err) {
      console.error('[jobs] portal-sync poll', (err as Error).message);
    }
  };
  const timer = setInterval(() => {
    if (!polling) polling = poll().finally(() => (polling = undefined));
  }, options.pollMs ?? 1000);
  return {
    async stop() {
      clearInterval(timer);
      await polling;
    },
  };
}
