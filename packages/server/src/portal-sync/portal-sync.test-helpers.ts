import type { TransitionRecord } from '@dvc/domain';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type PortalSyncConfig } from '../config';
import type { AppContext } from '../http/context';
import { createTestApp } from '../test/harness';
import { queuePortalSync } from './portal-sync.outbox';

/** The secret the local receiver checks in tests (no PORTAL_SYNC_SECRET set): the default one. */
export const TEST_SECRET = loadConfig({}).portalSync.secret;

export interface PortalTestApp {
  app: FastifyInstance;
  ctx: AppContext;
  env: PortalSyncConfig;
  setNow(date: Date): void;
  close(): Promise<void>;
}

/**
 * The harness's app (test/harness.ts, portal-sync routes included), listening on 127.0.0.1 so
 * that the sender posts to the local receiver over real HTTP.
 */
export async function createPortalTestApp(start: Date, overrides: Partial<PortalSyncConfig> = {}): Promise<PortalTestApp> {
  const t = await createTestApp({ now: start });
  // The receiver (registered by app.ts) checks the environment's secret; the sender gets `env`.
  const env: PortalSyncConfig = { ...t.ctx.config.portalSync, url: undefined, maxAttempts: 3, timeoutMs: 5000, ...overrides };
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  env.url ??= `http://127.0.0.1:${address.port}/api/dev/portal-receiver`;
  return { ...t, env };
}

/**
 * Until the dossier services call queuePortalSync in their transactions, this queues, from the
 * dossier's event log, every change that has no message yet (the same function, outside the change's
 * transaction). Returns how many it had to add: 0 once the call is wired — and the tests then assert
 * exactly that, so a state change that forgets the call is caught.
 */
export async function queueMissingFromEventLog(ctx: AppContext): Promise<number> {
  const province = ctx.config.PROVINCE_CODE;
  const events = await ctx.db
    .selectFrom('dossierEvent as e')
    .innerJoin('dossier as d', 'd.id', 'e.dossierId')
    .select(['e.seq', 'e.type', 'e.fromStatus', 'e.toStatus', 'e.toStep', 'e.at', 'd.code'])
    .selectAll('d')
    .where('e.provinceCode', '=', province)
    .orderBy('e.dossierId')
    .orderBy('e.seq')
    .execute();
  let added = 0;
  for (const e of events) {
    const record = {
      event: e.type,
      from: e.fromStatus,
      to: e.toStatus,
      toStep: e.toStep ?? undefined,
      at: e.at,
    } as Pick<TransitionRecord, 'event' | 'from' | 'to' | 'toStep' | 'at'>;
    if (await queuePortalSync(ctx.db, { row: e, record, seq: e.seq })) added++;
  }
  return added;
}

/** Messages of a dossier: right after filing, 1 when the services queue them themselves (wired). */
export async function countQueued(ctx: AppContext, dossierCode: string): Promise<number> {
  const r = await ctx.db
    .selectFrom('portalSyncMessage')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('dossierCode', '=', dossierCode)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
