import { z } from 'zod';
import { defineJob } from '../jobs/index';
import { runRetention } from './retention';

/**
 * Personal data past its retention period (issue 20): nightly at 02:30 Vietnam time, when the
 * offices are closed, on one server. Idempotent: a second run finds nothing past its period.
 */
export const retentionJob = defineJob({
  name: 'privacy-retention',
  version: 1,
  payload: z.object({}),
  run: (ctx) => runRetention(ctx, ctx.now()),
  cron: '30 2 * * *',
  retry: { limit: 2 },
  fetchEverySeconds: 60,
});
