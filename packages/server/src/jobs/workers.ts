import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { inBackground } from '../db/database';
import type { AppContext } from '../http/context';
import { createChannels, type ExternalChannels } from '../notifications/channels';
import { drainOutbox, hasDueWork } from '../notifications/dispatcher';
import { type SmsGateway, startSmsGateway } from '../notifications/smpp-channel';
import { postalClientFor, runPostalSweep } from '../postal/index';
import { RETENTION_QUEUE, runRetention } from '../privacy/index';
import { REPORT_ROLLUP_QUEUE, runReportRollup } from '../reports/index';
import { runDeadlineSweep } from './deadline';

export const QUEUE_DRAIN = 'notifications-drain';
export const QUEUE_DEADLINES = 'deadline-sweep';
export const QUEUE_POSTAL = 'postal-shipments';

/**
 * pg-boss talks to the database through the app's own Kysely instance, never through a pool of its
 * own. On PGlite that is a correctness matter: Kysely's driver hands out the single connection
 * behind a mutex, and a transaction holds it until commit, so pg-boss's statements queue behind a
 * dossier transaction instead of landing inside it. Parameterless SQL (pg-boss's multi-statement
 * install and maintenance scripts) reaches PGlite's `exec`, parameterised SQL its `query` (see
 * db/pglite-dialect.ts). On PostgreSQL the same path borrows connections from the app's pool.
 * Corollary: never call pg-boss from inside a transaction callback on PGlite (it would wait for the
 * mutex its own caller holds). The outbox exists so that nobody has to.
 */
export function pgBossDb(ctx: AppContext) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const r = await ctx.db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows as unknown[], rowCount: Number(r.numAffectedRows ?? r.rows.length) };
    },
  };
}

export interface WorkerOptions {
  channels?: ExternalChannels;
  /** How often to look for due outbox work (ms): with pg-boss's 1 s fetch, a notice waits ≤ 2 s to start. */
  pollMs?: number;
  /** Cron of the deadline sweep (Vietnam time). */
  deadlineCron?: string;
  /** The SMS gateway (notifications/smpp-channel.ts); false: SMS stay queued. */
  sms?: boolean;
}

interface Running {
  boss: PgBoss;
  timer: NodeJS.Timeout;
  polling: Promise<void> | undefined;
  sms: SmsGateway | undefined;
}
let running: Running | undefined;

/**
 * Starts the job workers (call after the HTTP server listens):
 * - `notifications-drain` (policy 'stately': at most one queued and one running across servers),
 *   queued whenever the in-process poll sees due outbox work; pg-boss retries a failed drain with
 *   exponential backoff, and the dispatcher retries each failed delivery with its own backoff;
 * - `deadline-sweep`, every 5 minutes by pg-boss's cron (one server runs it).
 * All of it is background work (db/pglite-dialect.ts): pg-boss, the polls and the jobs, with every
 * timer they start, give way to requests on the embedded database's single connection.
 */
export function startWorkers(ctx: AppContext, options: WorkerOptions = {}): Promise<PgBoss> {
  return inBackground(() => start(ctx, options));
}

async function start(ctx: AppContext, options: WorkerOptions): Promise<PgBoss> {
  if (running) return running.boss;
  const channels = options.channels ?? createChannels(ctx);
  const boss = new PgBoss({
    db: pgBossDb(ctx),
    schema: 'pgboss',
    // One embedded connection: keep pg-boss's own housekeeping sparse (no state monitor).
    maintenanceIntervalSeconds: 300,
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
  });
  boss.on('error', (err) => console.error('[jobs]', err.message));
  await boss.start();
  await boss.createQueue(QUEUE_DRAIN, {
    name: QUEUE_DRAIN,
    policy: 'stately',
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 600,
  });
  await boss.createQueue(QUEUE_DEADLINES, { name: QUEUE_DEADLINES, policy: 'stately', retryLimit: 2 });
  await boss.work(QUEUE_DRAIN, { pollingIntervalSeconds: 1 }, async () => {
    await drainOutbox(ctx, channels);
  });
  await boss.work(QUEUE_DEADLINES, { pollingIntervalSeconds: 10 }, async () => {
    await runDeadlineSweep(ctx, ctx.now());
  });
  await boss.schedule(QUEUE_DEADLINES, options.deadlineCron ?? '*/5 * * * *', {}, { tz: 'Asia/Ho_Chi_Minh' });
  // Personal data past its retention period (issue 20): nightly, when the offices are closed.
  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'stately', retryLimit: 2 });
  await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    await runRetention(ctx, ctx.now());
  });
  await boss.schedule(RETENTION_QUEUE, '30 2 * * *', {}, { tz: 'Asia/Ho_Chi_Minh' });
  // Results by post: orders for results now ready, failed orders retried, parcels followed (postal/).
  await boss.createQueue(QUEUE_POSTAL, { name: QUEUE_POSTAL, policy: 'stately', retryLimit: 2 });
  await boss.work(QUEUE_POSTAL, { pollingIntervalSeconds: 30 }, async () => {
    await runPostalSweep(ctx, postalClientFor(ctx));
  });
  await boss.schedule(QUEUE_POSTAL, '* * * * *', {}, { tz: 'Asia/Ho_Chi_Minh' });

  // The report aggregates take the dossiers' change rows (decision 014); reports read the rest themselves.
  await boss.createQueue(REPORT_ROLLUP_QUEUE, { name: REPORT_ROLLUP_QUEUE, policy: 'stately', retryLimit: 2 });
  await boss.work(REPORT_ROLLUP_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await runReportRollup(ctx);
  });

  const sms = options.sms === false ? undefined : await startSmsGateway(ctx);
  const state: Running = { boss, timer: undefined as unknown as NodeJS.Timeout, polling: undefined, sms };
  // A drain job is queued only when there is work, so an idle server writes nothing to pgboss.job.
  const poll = async () => {
    try {
      if (await hasDueWork(ctx)) await boss.send(QUEUE_DRAIN, {});
    } catch (err) {
      console.error('[jobs] poll', (err as Error).message);
    }
  };
  // The rollup is queued about once a minute by this server's poll ('stately': one at a time overall).
  let ticks = 0;
  const rollupEvery = Math.max(1, Math.round(60_000 / (options.pollMs ?? 1000)));
  state.timer = setInterval(() => {
    ticks += 1;
    if (ticks % rollupEvery === 0) boss.send(REPORT_ROLLUP_QUEUE, {}).catch((err) => console.error('[jobs] rollup', err.message));
    if (!state.polling) state.polling = poll().finally(() => (state.polling = undefined));
  }, options.pollMs ?? 1000);
  running = state;
  return boss;
}

/**
 * Stops polling and lets the running jobs finish (call before closing the database), for at most
 * timeoutMs; a job still running then is marked failed, to be retried.
 */
export async function stopWorkers(timeoutMs = 10_000): Promise<void> {
  const r = running;
  if (!r) return;
  running = undefined;
  clearInterval(r.timer);
  await r.polling;
  await r.sms?.stop();
  await r.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
