import { randomUUID } from 'node:crypto';
import {
  type Channel,
  channelSchema,
  type DossierState,
  type PortalChannel,
  type PortalStatus,
  type TransitionRecord,
  toPortalChannel,
  toPortalStatus,
} from '@dvc/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The dossier as it is after the change (a DossierRow, or the values just inserted for a new one). */
export interface PortalChangeRow {
  id: string;
  provinceCode: string;
  code: string;
  procedureCode: string;
  agencyCode: string;
  channel: string;
  status: string;
  step?: string | null;
  applicantName: string;
  submittedAt: Date;
  receivedAt?: Date | null;
  dueAt?: Date | string | null;
  finishedAt?: Date | null;
}

export type PortalChangeRecord = Pick<TransitionRecord, 'event' | 'from' | 'to' | 'toStep' | 'at'>;

/** What the portal receives for one change, in its vocabulary (DOMAIN.md §5). */
export interface PortalMessage {
  messageId: string;
  provinceCode: string;
  dossierCode: string;
  /** Order of the changes of one dossier (1 = filed). */
  seq: number;
  event: string;
  status: PortalStatus;
  previousStatus: PortalStatus | null;
  /** Sub-step inside `processing` (transferred, proposed, approved…), for the portal's history. */
  step: string | null;
  channel: PortalChannel;
  procedureCode: string;
  agencyCode: string;
  applicantName: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  at: string;
}

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

export function portalMessage(messageId: string, seq: number, row: PortalChangeRow, record: PortalChangeRecord): PortalMessage {
  const channel = channelSchema.parse(row.channel) satisfies Channel;
  return {
    messageId,
    provinceCode: row.provinceCode,
    dossierCode: row.code,
    seq,
    event: record.event,
    status: toPortalStatus(record.to),
    previousStatus: record.from ? toPortalStatus(record.from as DossierState) : null,
    step: record.to === 'processing' ? (record.toStep ?? row.step ?? null) : null,
    channel: toPortalChannel(channel),
    procedureCode: row.procedureCode,
    agencyCode: row.agencyCode,
    applicantName: row.applicantName,
    submittedAt: new Date(row.submittedAt).toISOString(),
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    finishedAt: iso(row.finishedAt),
    at: record.at.toISOString(),
  };
}

/**
 * Call inside the transaction of every dossier change, after the dossier event is appended (next to
 * notifyDossierChange): the message commits or rolls back with the change. Its `seq` is the event's
 * own sequence number, so queueing the same change twice adds nothing (unique per dossier and seq).
 * Returns the message id, or undefined when that change was already queued.
 */
export async function queuePortalSync(
  trx: Kysely<Database>,
  change: { row: PortalChangeRow; record: PortalChangeRecord; seq?: number },
): Promise<string | undefined> {
  const { row, record } = change;
  const seq = change.seq ?? (await latestEventSeq(trx, row.id));
  const inserted = await portalSyncInsert(trx, [{ row, record, seq }]).returning('messageId').executeTakeFirst();
  return inserted?.messageId;
}

/**
 * The portal messages of many new dossiers as one INSERT, not yet run: the caller writes it in one
 * statement with the dossiers (dossiers' insertDossiers). Each `seq` is the dossier's event number,
 * so nothing needs reading first.
 */
export function portalSyncInsert(
  trx: Kysely<Database>,
  changes: Array<{ row: PortalChangeRow; record: PortalChangeRecord; seq: number }>,
) {
  return trx
    .insertInto('portalSyncMessage')
    .values(
      changes.map(({ row, record, seq }) => {
        const messageId = randomUUID();
        return {
          provinceCode: row.provinceCode,
          messageId,
          dossierCode: row.code,
          seq,
          payload: JSON.stringify(portalMessage(messageId, seq, row, record)),
          nextAttemptAt: record.at,
          lastError: null,
          createdAt: record.at,
          sentAt: null,
        };
      }),
    )
    .onConflict((oc) => oc.columns(['provinceCode', 'dossierCode', 'seq']).doNothing());
}

async function latestEventSeq(trx: Kysely<Database>, dossierId: string): Promise<number> {
  const r = await trx
    .selectFrom('dossierEvent')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('dossierId', '=', dossierId)
    .executeTakeFirst();
  // Called before the event is appended: a caller's bug, and failing rolls the change back.
  if (r?.seq == null) throw new Error(`queuePortalSync: no event recorded yet for dossier ${dossierId}`);
  return Number(r.seq);
}
