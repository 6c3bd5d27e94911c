import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../jobs/index';
import { REPORT_ROLLUP_QUEUE, runReportRollup } from './reports.rollup';

/**
 * The report rollup (decision 014): the dossiers' change rows into the aggregates, about once a
 * minute and only while rows wait. Reports add the waiting rows themselves, so the rollup only keeps
 * that tail short; an idle server queues nothing.
 */
export const reportRollupJob = defineJob({
  name: REPORT_ROLLUP_QUEUE,
  version: 1,
  payload: z.object({}),
  run: (ctx) => runReportRollup(ctx),
  due: async (ctx) => {
    const r = await sql<{ waiting: boolean }>`select exists (
          select 1 from report_dossier_change where province_code = ${ctx.config.PROVINCE_CODE}
        ) as waiting`.execute(ctx.db);
    return r.rows[0]?.waiting ?? false;
  },
  dueEverySeconds: 60,
  retry: { limit: 2 },
  fetchEverySeconds: 30,
});
