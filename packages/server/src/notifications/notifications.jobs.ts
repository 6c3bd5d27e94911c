import { z } from 'zod';
import { defineJob } from '../jobs/index';
import type { ExternalChannels } from './channels';
import { runDeadlineSweep } from './deadline-reminders';
import { drainOutbox, hasDueWork } from './dispatcher';

/**
 * The outbox drain, queued whenever the due check sees an undispatched message or a delivery due:
 * pg-boss retries a crashed drain with its own doubling delay, and each failed delivery has its own
 * backoff in the dispatcher. Idempotent: expanding and sending are guarded by the rows' states.
 */
export function notificationsDrainJob(channels: ExternalChannels) {
  return defineJob({
    name: 'notifications-drain',
    version: 1,
    payload: z.object({}),
    run: (ctx) => drainOutbox(ctx, channels),
    due: hasDueWork,
    retry: { limit: 5, delaySeconds: 5, backoff: true },
    expireInSeconds: 600,
    fetchEverySeconds: 1,
  });
}

/**
 * The deadline reminders (deadline-reminders.ts), every 5 minutes (Vietnam time) on one server.
 * Idempotent: one reminder per dossier, due time and kind.
 */
export function deadlineSweepJob(cron = '*/5 * * * *') {
  return defineJob({
    name: 'deadline-sweep',
    version: 1,
    payload: z.object({}),
    run: (ctx) => runDeadlineSweep(ctx, ctx.now()),
    cron,
    retry: { limit: 2 },
    fetchEverySeconds: 10,
  });
}
