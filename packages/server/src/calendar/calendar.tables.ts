import type { ColumnType, Generated } from 'kysely';

/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export interface CalendarTables {
  calendarOverride: CalendarOverrideTable;
  calendarSeedYear: CalendarSeedYearTable;
}

export interface CalendarOverrideTable {
  provinceCode: string;
  /** 'YYYY-MM-DD' (the date parser returns dates as strings on both engines). */
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
  source: Generated<string>;
  needsVerification: Generated<boolean>;
  /** User id of the administrator; null for rows loaded by the seed. */
  updatedBy: string | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface CalendarSeedYearTable {
  provinceCode: string;
  year: number;
  seededAt: ColumnType<Date, Date | undefined, never>;
}
