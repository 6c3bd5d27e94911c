import {
  type Channel,
  dueAt,
  isOnline,
  type ProcedureDefinition,
  reducedDuration,
  type WorkingCalendar,
  workingTimeBetween,
} from '@dvc/domain';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import type { AppContext } from '../http/context';

/**
 * The province's policy on online filings (seed 003: processing time cut by at least 20% for
 * dossiers filed online). Data, not law: kept here in one place until an admin screen edits it.
 */
export const ONLINE_DURATION_REDUCTION_PERCENT = 20;

/**
 * A notice the office only acknowledges (legal duration 0, e.g. a promotion notice) still gets an
 * appointment: the acknowledgement within one working day.
 */
const ACKNOWLEDGEMENT_WORKING_DAYS = 1;

/** The working days a dossier gets: the legal duration, shortened for web and mobile filings. */
export function durationFor(procedure: ProcedureDefinition, channel: Channel): number {
  const legal = procedure.legalDurationWorkingDays || ACKNOWLEDGEMENT_WORKING_DAYS;
  return isOnline(channel) ? reducedDuration(legal, ONLINE_DURATION_REDUCTION_PERCENT, 'none') : legal;
}

export async function calendarAround(ctx: AppContext, at: Date): Promise<WorkingCalendar> {
  const year = at.getUTCFullYear();
  return loadWorkingCalendar(ctx, { from: year - 1, to: year + 1 });
}

/** Due time of a dossier received (validly) at `receivedAt`. */
export async function computeDueAt(ctx: AppContext, procedure: ProcedureDefinition, channel: Channel, receivedAt: Date) {
  const calendar = await calendarAround(ctx, receivedAt);
  return dueAt(receivedAt, { workingDays: durationFor(procedure, channel) }, calendar);
}

/**
 * The clock stopped at `pausedSince` with the working time up to `previousDue` still left; it
 * resumes at `resumedAt` with that same working time (DOMAIN.md §6).
 */
export async function resumedDueAt(ctx: AppContext, pausedSince: Date, previousDue: Date, resumedAt: Date) {
  const calendar = await calendarAround(ctx, resumedAt);
  const remainingMs = Math.max(0, workingTimeBetween(pausedSince, previousDue, calendar));
  return dueAt(resumedAt, { workingHours: remainingMs / 3_600_000 }, calendar);
}
