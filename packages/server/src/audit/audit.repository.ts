import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** What was touched by a request: set by a route on `request.auditRecord`. */
export interface AuditRecord {
  type: string;
  id: string;
}

export interface AuditEntry {
  provinceCode: string;
  at: Date;
  actorId: string | null;
  actorKind: 'citizen' | 'officer' | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  statusCode: number | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Appends one audit row. Accepts a transaction, so a capability can commit it with its change. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto('auditLog').values(entry).execute();
}

/** The INSERT of several audit rows, not yet run: for a caller writing it with its change. */
export function auditInsert(db: Kysely<Database>, entries: AuditEntry[]) {
  return db.insertInto('auditLog').values(entries);
}

/**
 * The audit entry describing `request` (who, what, which record, when, from where). A route that
 * writes it inside its own transaction calls `markAudited(request)` so the hook does not add a second.
 */
export function auditEntryFor(
  request: FastifyRequest,
  statusCode: number | null,
  record: AuditRecord | null = request.auditRecord,
): AuditEntry {
  const actor = request.actor;
  return {
    provinceCode: actor?.provinceCode ?? request.server.ctx.config.PROVINCE_CODE,
    at: request.server.ctx.now(),
    actorId: actor?.userId ?? null,
    actorKind: actor?.kind ?? null,
    // The path without its query string: ids in the path stay, search terms and tokens do not.
    action: `${request.method} ${request.url.split('?')[0]}`.slice(0, 500),
    recordType: record?.type ?? null,
    recordId: record?.id ?? null,
    statusCode,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    requestId: String(request.id),
  };
}

/** An audit row of an administrative change carries the record before and after it. */
export const withChange = (entry: AuditEntry, before: unknown, after: unknown) => ({
  ...entry,
  change: JSON.stringify({ before: before ?? null, after: after ?? null }),
});

export function markAudited(request: FastifyRequest): void {
  request.audited = true;
}
