import type { ColumnType, Generated } from 'kysely';

/** Tables owned by this capability (Kysely row types; columns camelCase via CamelCasePlugin). */
export interface AuditTables {
  auditLog: AuditLogTable;
}

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE (migration 006). */
export interface AuditLogTable {
  id: Generated<number>;
  provinceCode: string;
  at: ColumnType<Date, Date | undefined, never>;
  actorId: string | null;
  actorKind: 'citizen' | 'officer' | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  statusCode: number | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** { before, after } of an administrative change (migration 026). */
  change: ColumnType<unknown, string | null | undefined, never>;
}
