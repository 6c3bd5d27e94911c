import type { Generated, JSONColumnType } from 'kysely';

/** Tables owned by the portal-sync capability (013_create-portal-sync.sql). */
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
