import type { ProcedureDefinition, procedureDefinitions } from '@dvc/domain';
import type { ColumnType, JSONColumnType } from 'kysely';

/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export interface CatalogTables {
  procedure: ProcedureTable;
  procedureVersion: ProcedureVersionTable;
  catalogGeneration: CatalogGenerationTable;
}

/** Counts the writes of a province's `procedure` rows (migration 040's trigger): the search index's freshness. */
export interface CatalogGenerationTable {
  provinceCode: string;
  generation: ColumnType<string, never, never>;
}

export interface ProcedureTable {
  provinceCode: string;
  code: string;
  slug: string;
  name: string;
  nameEn: string;
  topic: string;
  searchText: string;
  /** The catalog facts of the current version: written as JSON text, read back and re-parsed by the domain schema. */
  definition: JSONColumnType<ProcedureDefinition>;
  /** Published: listed and accepting filings. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** The version new filings use (procedure_version). */
  currentVersion: ColumnType<number, number | undefined, number>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Append-only (migration 029): a version is never changed, a new one is written. */
export interface ProcedureVersionTable {
  provinceCode: string;
  code: string;
  version: number;
  definition: JSONColumnType<procedureDefinitions.ProcedureDefinition>;
  createdAt: ColumnType<Date, Date | string, never>;
  createdBy: string | null;
  note: string | null;
}
