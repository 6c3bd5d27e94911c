import type { Db } from '../db/database';
import type { CalendarOverrideTable } from './calendar.tables';

export interface OverrideRow {
  date: string;
  kind: CalendarOverrideTable['kind'];
  name: string;
  source: string;
  needsVerification: boolean;
  updatedBy: string | null;
  updatedAt: Date;
}

const COLUMNS = ['date', 'kind', 'name', 'source', 'needsVerification', 'updatedBy', 'updatedAt'] as const;

/** Overrides of a province between two dates (inclusive), in date order. */
export async function listOverrides(db: Db, provinceCode: string, from: string, to: string): Promise<OverrideRow[]> {
  return db
    .selectFrom('calendarOverride')
    .select(COLUMNS)
    .where('provinceCode', '=', provinceCode)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export interface OverrideInput {
  date: string;
  kind: CalendarOverrideTable['kind'];
  name: string;
  source: string;
  needsVerification: boolean;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Insert or replace the override of a date. */
export async function upsertOverride(db: Db, provinceCode: string, o: OverrideInput): Promise<OverrideRow> {
  return db
    .insertInto('calendarOverride')
    .values({ provinceCode, ...o })
    .onConflict((oc) =>
      oc.columns(['provinceCode', 'date']).doUpdateSet({
        kind: o.kind,
        name: o.name,
        source: o.source,
        needsVerification: o.needsVerification,
        updatedBy: o.updatedBy,
        updatedAt: o.updatedAt,
      }),
    )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Returns whether a row was deleted. */
export async function deleteOverride(db: Db, provinceCode: string, date: string): Promise<boolean> {
  const r = await db
    .deleteFrom('calendarOverride')
    .where('provinceCode', '=', provinceCode)
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function seededYears(db: Db, provinceCode: string): Promise<Set<number>> {
  const rows = await db.selectFrom('calendarSeedYear').select('year').where('provinceCode', '=', provinceCode).execute();
  return new Set(rows.map((r) => r.year));
}
