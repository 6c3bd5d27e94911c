import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Tables of the household business register (migration 009). */
export type RegistryTables = {
  householdBusiness: HouseholdBusinessTable;
  householdBusinessVersion: HouseholdBusinessVersionTable;
  householdBusinessSequence: HouseholdBusinessSequenceTable;
};

export interface RegisteredLine {
  code: string;
  name: string;
  isMain: boolean;
}

export type HouseholdBusinessStatus = 'active' | 'terminated';

export type HouseholdBusinessTable = {
  id: string;
  provinceCode: string;
  registrationNumber: string;
  authorityAgencyCode: string;
  authorityUnitCode: string;
  name: string;
  nameKey: string;
  status: HouseholdBusinessStatus;
  ownerName: string;
  ownerCitizenId: string;
  address: string;
  unitCode: string;
  businessLines: JSONColumnType<RegisteredLine[], string, string>;
  capital: ColumnType<number, number, number>;
  employees: number | null;
  registeredAt: Date;
  changedAt: Date | null;
  changeCount: Generated<number>;
  terminatedAt: Date | null;
  sourceDossierCode: string;
  version: Generated<number>;
};

export type HouseholdBusinessVersionTable = {
  householdBusinessId: string;
  provinceCode: string;
  version: number;
  event: 'registered' | 'changed' | 'terminated';
  dossierCode: string;
  at: Date;
  snapshot: JSONColumnType<Record<string, unknown>, string, never>;
};

export type HouseholdBusinessSequenceTable = {
  provinceCode: string;
  authorityAgencyCode: string;
  lastValue: number;
};
