import { dueAt, TERMINAL_STATES, type WorkingCalendar, workingTimeBetween } from '@dvc/domain';
import { vietnamDays } from '@dvc/domain/vietnam-time';
import type { AppContext } from '../http/context';

/**
 * What a change of the calendar would do to dossiers already running. Their due dates are not
 * moved: they were promised to the applicant (and printed on the receipt). The change's answer
 * lists the dossiers whose due date would differ had it been computed with the new calendar, for
 * the administrator to decide (an apology, an extension) — nothing changes silently.
 */
export interface AffectedDossier {
  code: string;
  procedureCode: string;
  agencyCode: string;
  applicantName: string;
  dueAt: Date;
  /** The due date the same working time gives under the changed calendar. */
  dueAtWithChange: Date;
}

const MAX_LISTED = 500;

export async function dossiersAffectedBy(
  ctx: AppContext,
  date: string,
  before: WorkingCalendar,
  after: WorkingCalendar,
): Promise<AffectedDossier[]> {
  if (before.isWorkingDay(date) === after.isWorkingDay(date)) return [];
  const { start: dayStart, end: dayEnd } = vietnamDays(date, date);
  // Running dossiers whose clock runs over the changed day: received before its end, due after its start.
  const rows = await ctx.db
    .selectFrom('dossier')
    .select(['code', 'procedureCode', 'agencyCode', 'applicantName', 'receivedAt', 'submittedAt', 'dueAt'])
    .where('provinceCode', '=', ctx.config.PROVINCE_CODE)
    .where('finishedAt', 'is', null)
    .where('status', 'not in', [...TERMINAL_STATES, 'resolved'])
    .where('dueAt', 'is not', null)
    .where('dueAt', '>=', dayStart)
    .where((eb) => eb(eb.fn.coalesce('receivedAt', 'submittedAt'), '<', dayEnd))
    .orderBy('dueAt')
    .limit(MAX_LISTED * 2)
    .execute();
  const affected: AffectedDossier[] = [];
  for (const r of rows) {
    const due = r.dueAt as Date;
    const from = r.receivedAt ?? r.submittedAt;
    const working = workingTimeBetween(from, due, before);
    const changed = dueAt(from, { workingHours: working / 3_600_000 }, after);
    if (changed.getTime() !== due.getTime()) {
      affected.push({
        code: r.code,
        procedureCode: r.procedureCode,
        agencyCode: r.agencyCode,
        applicantName: r.applicantName,
        dueAt: due,
        dueAtWithChange: changed,
      });
    }
    if (affected.length >= MAX_LISTED) break;
  }
  return affected;
}
