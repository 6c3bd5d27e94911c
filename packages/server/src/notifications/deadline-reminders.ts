import { dueAt } from '@dvc/domain';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import type { AppContext } from '../http/context';
import { dossierMessage, enqueueOutboxMany, TOPIC_DOSSIER } from './outbox';

/** While the clock stands still (waiting for the citizen) a dossier cannot fall due. */
/** Reminders written per transaction. */
const SWEEP_SLICE = 100;

const PAUSED_STATUSES = ['supplement_requested', 'financial_obligation_requested'];

export interface SweepResult {
  dueSoon: string[];
  overdue: string[];
}

/**
 * The time-keeping job (issue 4.4): open dossiers due within the next working day get one 'due_soon'
 * reminder for the agency's officers, and overdue ones one 'overdue' notice — once per dossier, due
 * time and kind (deadline_reminder), so an apology that sets a new appointment date earns the new
 * date its own reminders. It never changes a dossier: the apology slip is the officer's act
 * (lifecycle event issue_apology), and reports tell overdue from apologised dossiers by the history.
 */
export async function runDeadlineSweep(ctx: AppContext, now: Date): Promise<SweepResult> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const year = now.getUTCFullYear();
  const calendar = await loadWorkingCalendar(ctx, { from: year - 1, to: year + 1 });
  const soonBefore = dueAt(now, { workingDays: 1 }, calendar);
  const db = ctx.db;

  const candidates = await db
    .selectFrom('dossier as d')
    .selectAll('d')
    .where('d.provinceCode', '=', provinceCode)
    .where('d.finishedAt', 'is', null)
    .where('d.withdrawnAt', 'is', null)
    .where('d.dueAt', 'is not', null)
    .where('d.dueAt', '<=', soonBefore)
    .where('d.status', 'not in', PAUSED_STATUSES)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deadlineReminder as r')
            .select('r.dossierId')
            .whereRef('r.dossierId', '=', 'd.id')
            .whereRef('r.dueAt', '=', 'd.dueAt')
            .where((eb) =>
              eb.or([
                eb.and([eb('r.kind', '=', 'overdue'), eb('d.dueAt', '<=', now)]),
                eb.and([eb('r.kind', '=', 'due_soon'), eb('d.dueAt', '>', now)]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('d.dueAt')
    .limit(500)
    .execute();

  const result: SweepResult = { dueSoon: [], overdue: [] };
  // A slice of reminders per transaction: on the embedded database requests wait while it runs.
  for (let i = 0; i < candidates.length; i += SWEEP_SLICE) {
    const slice = candidates.slice(i, i + SWEEP_SLICE).filter((row) => row.dueAt);
    if (slice.length === 0) continue;
    const kindOf = (row: (typeof slice)[number]) => ((row.dueAt as Date) <= now ? 'overdue' : 'due_soon');
    const created = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('deadlineReminder')
        .values(
          slice.map((row) => ({ provinceCode, dossierId: row.id, dueAt: row.dueAt as Date, kind: kindOf(row), createdAt: now })),
        )
        .onConflict((oc) => oc.columns(['dossierId', 'dueAt', 'kind']).doNothing())
        .returning('dossierId')
        .execute();
      const ids = new Set(inserted.map((r) => r.dossierId));
      const fresh = slice.filter((row) => ids.has(row.id));
      await enqueueOutboxMany(
        trx,
        fresh.map((row) => ({
          provinceCode,
          topic: TOPIC_DOSSIER,
          payload: { ...dossierMessage(row, kindOf(row), now) },
          createdAt: now,
        })),
      );
      return fresh;
    });
    for (const row of created) (kindOf(row) === 'overdue' ? result.overdue : result.dueSoon).push(row.code);
  }
  return result;
}
