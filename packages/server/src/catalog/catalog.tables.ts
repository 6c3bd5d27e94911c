import type { ProcedureDefinition } from '@dvc/domain';
import type { ColumnType, JSONColumnType } from 'kysely';

/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export interface CatalogTables {
  procedure: ProcedureTable;
}

export interface ProcedureTable {
  provinceCode: string;
  code: string;
  slug: string;
  name: string;
  nameEn: string;
  topic: string;
  searchText: string;
  /** Written as JSON text, read back as an object and re-parsed by the domain schema. */
  definition: JSONColumnType<ProcedureDefinition>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}
