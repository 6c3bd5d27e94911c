import type { Generated } from 'kysely';

export type AdminUnitKind = 'province' | 'city' | 'town' | 'district' | 'ward' | 'commune' | 'township' | 'special_zone';
export type AdminUnitLevel = 'province' | 'district' | 'commune';

/** One unit over one period; dates are 'YYYY-MM-DD' strings (valid_to exclusive, null = open). */
export interface AdminUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  fullName: string;
  /** fullName without diacritics, lower case: what `q` searches. */
  nameFolded: string;
  kind: AdminUnitKind;
  level: AdminUnitLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface AdminUnitMappingTable {
  oldCode: string;
  newCode: string;
}

/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export interface AdminUnitTables {
  adminUnit: AdminUnitTable;
  adminUnitMapping: AdminUnitMappingTable;
}
