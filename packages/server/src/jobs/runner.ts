import type { FastifyBaseLogger as Logger } from 'fastify';
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { inBackground } from '../db/database';
import type { AppContext } from '../http/context';
import type { JobDefinition } from './job-definition';

/** pg-boss's schema (db/migrate.ts installs it as the owner role). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * pg-boss talks to the database through the app's own Kysely instance, never through a pool of its
 * own. On PGlite that is a correctness matter: Kysely's driver hands out the single connection
 * behind a mutex, and a transaction holds it until commit, so pg-boss's statements queue behind a
 * dossier transaction instead of landing inside it. Parameterless SQL (pg-boss's multi-statement
 * install and maintenance scripts) reaches PGlite's `exec`, parameterised SQL its `query` (see
 * db/pglite-dialect.ts). On PostgreSQL the same path borrows connections from the app's pool.
 * Corollary: never call pg-boss from inside a transaction callback on PGlite (it would wait for the
 * mutex its own caller holds). The outboxes exist so that nobody has to.
 */
export function pgBossDb(ctx: AppContext) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const r = await ctx.db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows as unknown[], rowCount: Number(r.numAffectedRows ?? r.rows.length) };
    },
  };
}

/** What every queued job carries: its definition's version and its payload. */
const envelope = z.object({ version: z.number().int(), payload: z.unknown() });

export interface RunnerOptions {
  log: Logger;
  /** How often the due checks run (ms): with a 1 s fetch, a due job waits ≤ 2 s to start. */
  pollMs?: number;
}

export interface JobRunner {
  boss: PgBoss;
  /** Stops the due checks and waits for a running one (no new job is queued by this server). */
  stopDueChecks(): Promise<void>;
  /** Stops the due checks and lets running jobs finish for at most timeoutMs (then they are failed, to be retried). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * The one runner of the background jobs: one pg-boss on the app's database, a queue, a worker and
 * (for a cron) a schedule per definition, and one in-process loop of the definitions' due checks.
 * This is the one place where background work is marked as such (db/pglite-dialect.ts): pg-boss, the
 * checks and the jobs, with every timer they start, give way to requests on the embedded database's
 * single connection.
 */
export function startJobRunner(ctx: AppContext, definitions: JobDefinition[], options: RunnerOptions): Promise<JobRunner> {
  return inBackground(() => start(ctx, definitions, options));
}

async function start(ctx: AppContext, definitions: JobDefinition[], options: RunnerOptions): Promise<JobRunner> {
  const { log } = options;
  const boss = new PgBoss({
    db: pgBossDb(ctx),
    schema: JOB_QUEUE_SCHEMA,
    // One embedded connection: keep pg-boss's own housekeeping sparse (no state monitor).
    maintenanceIntervalSeconds: 300,
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const definition of definitions) await register(boss, ctx, definition, log);

  const due = definitions.filter((d) => d.due);
  const lastLook = new Map<string, number>();
  let checking: Promise<void> | undefined;
  const check = async () => {
    for (const definition of due) {
      const now = Date.now();
      if (definition.dueEverySeconds && now - (lastLook.get(definition.name) ?? 0) < definition.dueEverySeconds * 1000) continue;
      lastLook.set(definition.name, now);
      try {
        if (await definition.due?.(ctx)) await boss.send(definition.name, queued(definition));
      } catch (err) {
        log.error({ err, job: definition.name }, 'due check failed');
      }
    }
  };
  const timer = setInterval(() => {
    checking ??= check().finally(() => (checking = undefined));
  }, options.pollMs ?? 1000);
  const stopDueChecks = async () => {
    clearInterval(timer);
    await checking;
  };
  return {
    boss,
    stopDueChecks,
    async stop(timeoutMs = 10_000) {
      await stopDueChecks();
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

function queued(definition: JobDefinition) {
  return { version: definition.version, payload: definition.scheduledPayload ?? {} };
}

async function register(boss: PgBoss, ctx: AppContext, definition: JobDefinition, parentLog: Logger): Promise<void> {
  const { name, version, retry } = definition;
  const log = parentLog.child({ job: name, version });
  await boss.createQueue(name, {
    name,
    policy: 'stately',
    retryLimit: retry.limit,
    ...(retry.delaySeconds === undefined ? {} : { retryDelay: retry.delaySeconds }),
    ...(retry.backoff === undefined ? {} : { retryBackoff: retry.backoff }),
    ...(definition.expireInSeconds === undefined ? {} : { expireInSeconds: definition.expireInSeconds }),
  });
  await boss.work(name, { pollingIntervalSeconds: definition.fetchEverySeconds }, async (jobs) => {
    for (const job of jobs) {
      const data = envelope.safeParse(job.data);
      if (!data.success || data.data.version !== version) {
        // Queued by a server with another definition: the next tick or due check queues a current one.
        log.warn({ jobId: job.id, queuedVersion: data.data?.version ?? null }, 'job of another version skipped');
        continue;
      }
      const payload = definition.payload.safeParse(data.data.payload);
      if (!payload.success) throw new Error(`${name}: payload refused: ${payload.error.message}`);
      const started = Date.now();
      try {
        const result = await inBackground(() => definition.run(ctx, payload.data, { log }));
        log.debug({ jobId: job.id, ms: Date.now() - started, result }, 'job done');
      } catch (err) {
        log.error({ err, jobId: job.id }, 'job failed');
        throw err;
      }
    }
  });
  if (definition.cron) await boss.schedule(name, definition.cron, queued(definition), { tz: 'Asia/Ho_Chi_Minh' });
}
