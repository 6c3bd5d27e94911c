import type { ColumnType } from 'kysely';

/** The Idempotency-Key store of creating POSTs (idempotency.ts), whichever capability's route it guards. */
export interface IdempotencyTables {
  idempotencyKey: IdempotencyKeyTable;
}

export interface IdempotencyKeyTable {
  provinceCode: string;
  userId: string;
  key: string;
  requestHash: string;
  state: 'in_flight' | 'done';
  lockedUntil: Date;
  responseStatus: number | null;
  responseBody: ColumnType<unknown, string | null, string | null>;
  createdAt: Date;
}
