import {
  buildCalendar,
  type CalendarOverride,
  DEFAULT_OFFICE_HOURS,
  isCalendarDate,
  type OfficeHours,
  specialDays,
  type WorkingCalendar,
} from '@dvc/domain';
import { type AuditEntry, auditInsert } from '../audit/index';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';
import { withChange } from '../organisation/admin-scope';
import { type AffectedDossier, dossiersAffectedBy } from './calendar.impact';
import { deleteOverride, listOverrides, type OverrideRow, upsertOverride } from './calendar.repository';

/**
 * The working calendar of the province for the given years (inclusive), with an agency's office
 * hours (default 07:30–11:30, 13:30–17:00). Other capabilities compute due dates with it:
 * `dueAt(receivedAt, { workingDays }, await loadWorkingCalendar(ctx, { from: 2025, to: 2026 }))`.
 * Load a year or two past the reception so long durations see the overrides of the next year.
 */
export function loadWorkingCalendar(
  ctx: AppContext,
  years: { from: number; to: number },
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Promise<WorkingCalendar> {
  // Every filing and reception computes a due time: the calendar (lunar holidays of three years and
  // the overrides) is built once and kept briefly. An edit here clears it at once; another server
  // sees an edit within CACHE_MS.
  const perDb = cache.get(ctx.db) ?? new Map<string, { at: number; calendar: Promise<WorkingCalendar> }>();
  cache.set(ctx.db, perDb);
  const key = `${ctx.config.PROVINCE_CODE}:${years.from}-${years.to}:${JSON.stringify(officeHours)}`;
  const hit = perDb.get(key);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_MS) return hit.calendar;
  const calendar = buildWorkingCalendar(ctx, years, officeHours);
  perDb.set(key, { at: now, calendar });
  calendar.catch(() => perDb.delete(key));
  return calendar;
}

const CACHE_MS = 60_000;
const cache = new WeakMap<object, Map<string, { at: number; calendar: Promise<WorkingCalendar> }>>();

function forgetCalendars(ctx: AppContext): void {
  cache.delete(ctx.db);
}

async function buildWorkingCalendar(
  ctx: AppContext,
  years: { from: number; to: number },
  officeHours: OfficeHours,
): Promise<WorkingCalendar> {
  const rows = await listOverrides(ctx.db, ctx.config.PROVINCE_CODE, `${years.from}-01-01`, `${years.to}-12-31`);
  const overrides: CalendarOverride[] = rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
  const list: number[] = [];
  for (let y = years.from; y <= years.to; y++) list.push(y);
  return buildCalendar({ years: list, overrides, officeHours });
}

export interface YearCalendar {
  year: number;
  daysOff: Array<{ date: string; name: string; kind: 'holiday' | 'compensatory' | 'day_off' }>;
  workingDays: Array<{ date: string; name: string }>;
  overrides: OverrideRow[];
}

/** The public listing of a year: named days off, days made working, and the stored overrides. */
export async function describeYear(ctx: AppContext, year: number): Promise<YearCalendar> {
  const calendar = await loadWorkingCalendar(ctx, { from: year, to: year });
  const overrides = await listOverrides(ctx.db, ctx.config.PROVINCE_CODE, `${year}-01-01`, `${year}-12-31`);
  const daysOff: YearCalendar['daysOff'] = [];
  const workingDays: YearCalendar['workingDays'] = [];
  for (const d of specialDays(calendar, year)) {
    if (d.kind === 'working_day') workingDays.push({ date: d.date, name: d.name ?? '' });
    else if (d.kind === 'holiday' || d.kind === 'compensatory' || d.kind === 'day_off') {
      daysOff.push({ date: d.date, name: d.name ?? '', kind: d.kind });
    }
  }
  return { year, daysOff, workingDays, overrides };
}

export type SaveOverrideResult =
  | { ok: true; override: OverrideRow; affectedDossiers: AffectedDossier[] }
  | Failure<'invalid_date'>;

const yearsAround = (date: string) => {
  const y = Number(date.slice(0, 4));
  return { from: y - 1, to: y + 1 };
};

async function findOverride(ctx: AppContext, date: string): Promise<OverrideRow | undefined> {
  return (await listOverrides(ctx.db, ctx.config.PROVINCE_CODE, date, date))[0];
}

/**
 * Sets a day off or a working day. Deadlines computed from now on use it; deadlines already given
 * stay, and the answer lists the running dossiers whose due date the change would move.
 */
export async function saveOverride(
  ctx: AppContext,
  input: { date: string; kind: CalendarOverride['kind']; name: string; source?: string | undefined },
  userId: string,
  audit: AuditEntry,
): Promise<SaveOverrideResult> {
  if (!isCalendarDate(input.date)) return { ok: false, reason: 'invalid_date' };
  const previous = await findOverride(ctx, input.date);
  const calendarBefore = await buildWorkingCalendar(ctx, yearsAround(input.date), DEFAULT_OFFICE_HOURS);
  const override = await ctx.db.transaction().execute(async (trx) => {
    const saved = await upsertOverride(trx, ctx.config.PROVINCE_CODE, {
      date: input.date,
      kind: input.kind,
      name: input.name,
      source: input.source ?? '',
      // An administrator's entry is the checked value.
      needsVerification: false,
      updatedBy: userId,
      updatedAt: ctx.now(),
    });
    await auditInsert(trx, [withChange(audit, previous ?? null, saved)]).execute();
    return saved;
  });
  forgetCalendars(ctx);
  const calendarAfter = await buildWorkingCalendar(ctx, yearsAround(input.date), DEFAULT_OFFICE_HOURS);
  return { ok: true, override, affectedDossiers: await dossiersAffectedBy(ctx, input.date, calendarBefore, calendarAfter) };
}

export type RemoveOverrideResult = { ok: true; affectedDossiers: AffectedDossier[] } | Failure<'invalid_date' | 'not_found'>;

/** Removing an override returns the date to the computed proposal. */
export async function removeOverride(ctx: AppContext, date: string, audit: AuditEntry): Promise<RemoveOverrideResult> {
  if (!isCalendarDate(date)) return { ok: false, reason: 'invalid_date' };
  const calendarBefore = await buildWorkingCalendar(ctx, yearsAround(date), DEFAULT_OFFICE_HOURS);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const previous = (await listOverrides(trx, ctx.config.PROVINCE_CODE, date, date))[0];
    if (!previous || !(await deleteOverride(trx, ctx.config.PROVINCE_CODE, date))) return false;
    await auditInsert(trx, [withChange(audit, previous, null)]).execute();
    return true;
  });
  forgetCalendars(ctx);
  if (!removed) return { ok: false, reason: 'not_found' };
  const calendarAfter = await buildWorkingCalendar(ctx, yearsAround(date), DEFAULT_OFFICE_HOURS);
  return { ok: true, affectedDossiers: await dossiersAffectedBy(ctx, date, calendarBefore, calendarAfter) };
}
