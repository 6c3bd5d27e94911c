import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { PortalSyncConfig } from './config';
import type { AppContext } from './http/context';
import { type JobRunner, startJobRunner } from './jobs/index';
import { createChannels, type ExternalChannels } from './notifications/channels';
import { deadlineSweepJob, notificationsDrainJob } from './notifications/notifications.jobs';
import { type SmsGateway, startSmsGateway } from './notifications/smpp-channel';
import { portalSyncJob } from './portal-sync/index';
import { postalSweepJob } from './postal/index';
import { appLoggerOptions, retentionJob } from './privacy/index';
import { reportRollupJob } from './reports/index';

export interface WorkerOptions {
  /** The app's logger (main.ts passes app.log); by default one at LOG_LEVEL with the app's redaction. */
  log?: FastifyBaseLogger;
  channels?: ExternalChannels;
  /** How often the due checks look for outbox work (ms): with pg-boss's 1 s fetch, a notice waits ≤ 2 s to start. */
  pollMs?: number;
  /** Cron of the deadline sweep (Vietnam time). */
  deadlineCron?: string;
  /** The portal sync's sender settings (tests point it at their own receiver). */
  portalSync?: PortalSyncConfig;
  /** The SMS gateway (notifications/smpp-channel.ts); false: SMS stay queued. */
  sms?: boolean;
}

interface Running {
  runner: JobRunner;
  sms: SmsGateway | undefined;
}
let running: Promise<Running> | undefined;

/**
 * Starts the app's background work (call after the HTTP server listens): every job definition on the
 * one runner (jobs/runner.ts) — the notification and portal-sync outbox drains, the deadline
 * reminders, the retention run, the postal sweep, the report rollup — and the SMS gateway. Both give way to requests on
 * the embedded database's single connection.
 */
export async function startWorkers(ctx: AppContext, options: WorkerOptions = {}): Promise<JobRunner> {
  running ??= start(ctx, options).catch((err) => {
    running = undefined;
    throw err;
  });
  return (await running).runner;
}

async function start(ctx: AppContext, options: WorkerOptions): Promise<Running> {
  const log = options.log ?? pino(appLoggerOptions(ctx.config.LOG_LEVEL));
  const channels = options.channels ?? createChannels(ctx);
  const runner = await startJobRunner(
    ctx,
    [
      notificationsDrainJob(channels),
      deadlineSweepJob(options.deadlineCron),
      portalSyncJob(options.portalSync),
      retentionJob,
      postalSweepJob,
      reportRollupJob,
    ],
    { log, pollMs: options.pollMs },
  );
  const sms = options.sms === false ? undefined : await startSmsGateway(ctx, { log });
  return { runner, sms };
}

/**
 * Stops the due checks and lets the running jobs finish (call before closing the database), for at
 * most timeoutMs; a job still running then is marked failed, to be retried.
 */
export async function stopWorkers(timeoutMs = 10_000): Promise<void> {
  const r = running;
  if (!r) return;
  running = undefined;
  const { runner, sms } = await r;
  // No job is queued while the SMS gateway stops; then the running jobs get the time left.
  await runner.stopDueChecks();
  await sms?.stop();
  await runner.stop(timeoutMs);
}
