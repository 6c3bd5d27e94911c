/**
 * On-time judgement of one dossier for the indicators of Decision 766/QĐ-TTg (23 Jun 2022), as the
 * rules are applied in practice and digested in DOMAIN.md §7:
 * - finished = first of resolved / returned / stopped / refused (the caller passes that instant as
 *   `finishedAt`; the state machine keeps it in `DossierSnapshot.finishedAt`);
 * - time awaiting the citizen's supplement is not counted: that is already in `dueAt`, which the
 *   caller moves forward when the clock resumes (and an apology with extension moves it too);
 * - more than one supplement request counts as late (verify the exact clause when citing in reports);
 * - open dossiers are judged at the period's last instant (`periodEnd`).
 * A dossier finished after `periodEnd` is judged as open at `periodEnd`: the report of that period
 * must not change when the dossier is finished later.
 */
export type Timeliness = 'on_time' | 'overdue' | 'in_time' | 'overdue_open';

export interface TimelinessInput {
  dueAt: Date;
  finishedAt?: Date;
  supplementCount: number;
  periodEnd: Date;
}

export const MAX_SUPPLEMENTS_ON_TIME = 1;

export function judgeTimeliness({ dueAt, finishedAt, supplementCount, periodEnd }: TimelinessInput): Timeliness {
  const tooManySupplements = supplementCount > MAX_SUPPLEMENTS_ON_TIME;
  if (finishedAt !== undefined && finishedAt <= periodEnd) {
    return !tooManySupplements && finishedAt <= dueAt ? 'on_time' : 'overdue';
  }
  return !tooManySupplements && periodEnd <= dueAt ? 'in_time' : 'overdue_open';
}

/** The numerator of the on-time rate: finished on time or still within time. */
export function countsAsOnTime(t: Timeliness): boolean {
  return t === 'on_time' || t === 'in_time';
}
