import { OFFICIAL_CALENDAR_2023_2026 } from '@dvc/domain';
import type { AppContext } from '../http/context';
import { seededYears } from './calendar.repository';

/**
 * Loads the government's official days off (2023–2026) once per year and province. A year already
 * loaded is skipped, so the second start is one query and an administrator's edits (including
 * deletions) survive restarts.
 */
export async function seedCalendar(ctx: AppContext, _demo: boolean): Promise<string[]> {
  const province = ctx.config.PROVINCE_CODE;
  const done = await seededYears(ctx.db, province);
  const byYear = new Map<number, typeof OFFICIAL_CALENDAR_2023_2026>();
  for (const e of OFFICIAL_CALENDAR_2023_2026) {
    const y = Number(e.date.slice(0, 4));
    if (!done.has(y)) byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  if (byYear.size === 0) return [];
  let rows = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const [year, entries] of byYear) {
      const inserted = await trx
        .insertInto('calendarOverride')
        .values(
          entries.map((e) => ({
            provinceCode: province,
            date: e.date,
            kind: e.kind,
            name: e.name,
            source: e.source,
            needsVerification: e.verify === true,
            updatedBy: null,
          })),
        )
        // A date an administrator already set keeps the administrator's value.
        .onConflict((oc) => oc.columns(['provinceCode', 'date']).doNothing())
        .returning('date')
        .execute();
      rows += inserted.length;
      await trx
        .insertInto('calendarSeedYear')
        .values({ provinceCode: province, year })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  const years = [...byYear.keys()].sort().join(', ');
  return [`Lịch làm việc: đã nạp ${rows} ngày điều chỉnh chính thức (năm ${years})`];
}
