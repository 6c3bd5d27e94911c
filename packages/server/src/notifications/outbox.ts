import type { DossierEventType, TransitionRecord } from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DossierMessage } from './templates';

export const TOPIC_DOSSIER = 'dossier';

export interface OutboxInput {
  provinceCode: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Writes one message to the outbox with the caller's transaction: it commits or rolls back with the
 * state change that caused it, so a crash can neither lose a notification nor announce a change that
 * never happened. The dispatcher (notifications/dispatcher.ts) expands it into deliveries later.
 */
export async function enqueueOutbox(trx: Kysely<Database>, message: OutboxInput): Promise<number> {
  const row = await outboxInsert(trx, [message]).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** enqueueOutbox for many messages, in one statement. */
export async function enqueueOutboxMany(trx: Kysely<Database>, messages: OutboxInput[]): Promise<void> {
  if (messages.length > 0) await outboxInsert(trx, messages).execute();
}

function outboxInsert(trx: Kysely<Database>, messages: OutboxInput[]) {
  return trx.insertInto('outboxMessage').values(
    messages.map((message) => ({
      provinceCode: message.provinceCode,
      topic: message.topic,
      payload: JSON.stringify(message.payload),
      createdAt: message.createdAt,
      dispatchedAt: null,
      lastError: null,
    })),
  );
}

/**
 * The dossier as it is after the change: a selected DossierRow, or the values just inserted for a
 * new dossier (form as JSON text, due time absent) — both fit.
 */
export interface ChangeRow {
  id: string;
  provinceCode: string;
  code: string;
  procedureCode: string;
  agencyCode: string;
  status: string;
  applicantId: string | null;
  applicantName: string;
  applicantPhone: string | null;
  assigneeId?: string | null;
  dueAt?: Date | string | null;
  form: unknown;
}

/**
 * Call inside the transaction of every dossier change, after the dossier row is updated: `row` is
 * the row as it is now, `record` the domain's TransitionRecord of the change.
 */
export async function notifyDossierChange(trx: Kysely<Database>, change: DossierChange): Promise<number> {
  return enqueueOutbox(trx, changeMessage(change));
}

export interface DossierChange {
  row: ChangeRow;
  record: Pick<TransitionRecord, 'event' | 'at' | 'payload'>;
}

/**
 * The outbox INSERT announcing these changes, not yet run: for a caller that writes it in one
 * statement with the change itself (dossiers' insertDossiers). Same rows as notifyDossierChange.
 */
export function dossierChangesInsert(trx: Kysely<Database>, changes: DossierChange[]) {
  return outboxInsert(trx, changes.map(changeMessage));
}

function changeMessage({ row, record }: DossierChange): OutboxInput {
  return {
    provinceCode: row.provinceCode,
    topic: TOPIC_DOSSIER,
    payload: { ...dossierMessage(row, 'dossier_event', record.at, record.event, record.payload) },
    createdAt: record.at,
  };
}

export function dossierMessage(
  row: ChangeRow,
  kind: DossierMessage['kind'],
  at: Date,
  event?: DossierEventType,
  payload: object = {},
): DossierMessage {
  const p = payload as Record<string, unknown>;
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined);
  return {
    kind,
    ...(event ? { event } : {}),
    dossierId: row.id,
    code: row.code,
    procedureCode: row.procedureCode,
    agencyCode: row.agencyCode,
    status: row.status,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    applicantPhone: row.applicantPhone,
    applicantEmail: emailOf(row.form),
    assigneeId: row.assigneeId ?? null,
    at: at.toISOString(),
    dueAt: row.dueAt ? new Date(row.dueAt).toISOString() : null,
    ...(iso(p.newDueAt) ? { newDueAt: iso(p.newDueAt) } : {}),
    ...(typeof p.reason === 'string' ? { reason: p.reason } : {}),
    ...(Array.isArray(p.components) ? { components: p.components.map(String) } : {}),
    ...(typeof p.amount === 'number' ? { amount: p.amount } : {}),
    ...(typeof p.trackingNumber === 'string' ? { trackingNumber: p.trackingNumber } : {}),
  };
}

/** The applicant's e-mail when the form asked for one (owner.email or applicant.email). */
function emailOf(form: unknown): string | null {
  const f = (typeof form === 'string' ? JSON.parse(form) : form) as Record<string, Record<string, unknown> | undefined> | null;
  for (const key of ['owner', 'applicant']) {
    const email = f?.[key]?.email;
    if (typeof email === 'string' && email.includes('@')) return email;
  }
  return null;
}
