import type { Generated, JSONColumnType, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Tables owned by the portal-sync capability (013_create-portal-sync.sql). */
// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type PortalSyncTables = {
  portalSyncMessage: PortalSyncMessageTable;
  portalReceivedMessage: PortalReceivedMessageTable;
};

export type PortalSyncStatus = 'pending' | 'sent' | 'failed';

export interface PortalSyncMessageTable {
  id: Generated<number>;
  provinceCode: string;
  messageId: string;
  dossierCode: string;
  seq: number;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  status: Generated<PortalSyncStatus>;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface PortalReceivedMessageTable {
  id: Generated<number>;
  provinceCode: string;
  messageId: string;
  dossierCode: string;
  seq: number;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  receivedAt: Date;
}

export type PortalSyncDb = Kysely<Database & PortalSyncTables>;

/** The same connection (or transaction) typed with this capability's tables (not in db/schema.ts). */
export function withPortalSyncTables(db: Kysely<Database>): PortalSyncDb {
  return db.withTables<PortalSyncTables>();
}
