import type { Generated } from 'kysely';

/** Tables of staff administration (migration 026). */
export interface StaffTables {
  staffPasswordCode: StaffPasswordCodeTable;
}

export interface StaffPasswordCodeTable {
  id: string;
  provinceCode: string;
  userId: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: Generated<number>;
  consumedAt: Date | null;
}
