import type { FastifyBaseLogger as Logger } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../http/context';

/** What a running job gets besides its payload. */
export interface JobRun {
  /** The app's logger, bound to this job's name and version. */
  log: Logger;
}

/**
 * One background job, declared once by the capability it serves and run by the one runner
 * (jobs/runner.ts) on pg-boss:
 * - `name` is its pg-boss queue (policy 'stately': at most one queued and one running across servers,
 *   which also keeps an outbox's items in order); `version` travels with every job queued, and a job
 *   of another version (queued by an older or newer server) is skipped: the next cron tick or due
 *   check queues a current one. Bump it when the payload changes shape.
 * - `payload` is checked when the job runs; a job whose payload does not parse fails.
 * - `run` must be idempotent: pg-boss retries a job that failed or whose server died, and a job that
 *   an outbox drain started twice finds nothing left to do the second time.
 * - When it runs: on a `cron` (Vietnam time, one server of all runs each tick), and/or whenever its
 *   cheap `due` check, polled in-process, sees work (an idle server then writes nothing to pgboss.job).
 */
export interface JobDefinition<Payload extends z.ZodType = z.ZodType> {
  name: string;
  version: number;
  payload: Payload;
  run(ctx: AppContext, payload: z.infer<Payload>, job: JobRun): Promise<unknown>;
  cron?: string;
  /** The payload a cron tick or a due check queues. */
  scheduledPayload?: z.input<Payload>;
  due?: (ctx: AppContext) => Promise<boolean>;
  /** Look at `due` at most this often (s); by default on every poll of the due checks. */
  dueEverySeconds?: number;
  /** pg-boss's retries of a job that failed: how many, after how long (s), doubling or not. */
  retry: { limit: number; delaySeconds?: number; backoff?: boolean };
  /** A job running longer than this is failed (and retried). */
  expireInSeconds?: number;
  /** How often this server asks its queue for a job (s). */
  fetchEverySeconds: number;
}

/** A job definition, typed by its payload schema. */
export function defineJob<Payload extends z.ZodType>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}
