import type { Kysely } from 'kysely';
import { type AuditEntry, appendAudits } from '../audit/audit.repository';
import { Batcher } from '../db/batcher';
import type { Database } from '../db/schema';
import type { AppContext } from '../http/context';
import { claimKeysInTransaction, completeIdempotencyKeys, type HeldKey } from '../http/idempotency';
import { type Filer, insertPreparedDossiers, type PreparedDossier, type SubmittedDossier } from './dossier-submit.service';

/** One checked filing waiting to be written, with its Idempotency-Key and its audit row. */
export interface Filing {
  filer: Filer;
  prepared: PreparedDossier;
  key: HeldKey;
  /** The request's audit row; the dossier code is filled in when it is known. */
  audit: AuditEntry;
}

/** Written, or not written because its key was used before (ask `storedAnswer` what to answer). */
export type FilingOutcome = { kind: 'filed'; dossier: SubmittedDossier } | { kind: 'key_used' };

/**
 * Writes filings in one transaction: claims their keys, then the dossiers of the keys claimed, their
 * stored answers and audit rows. Everything of a filing commits together or not at all.
 */
export async function writeFilings(ctx: AppContext, filings: Filing[]): Promise<FilingOutcome[]> {
  return ctx.db.transaction().execute(async (trx: Kysely<Database>) => {
    const claimed = await claimKeysInTransaction(
      trx,
      filings.map((f) => f.key),
      ctx.now(),
    );
    const fresh = filings.filter((_, i) => claimed[i]);
    const filed = await insertPreparedDossiers(ctx, trx, fresh);
    await completeIdempotencyKeys(
      trx,
      fresh.map((f, i) => ({ ref: f.key.ref, answer: { status: 201, body: filed[i] } })),
    );
    await appendAudits(
      trx,
      fresh.map((f, i) => ({ ...f.audit, recordType: 'dossier', recordId: filed[i]!.code })),
    );
    let next = 0;
    return claimed.map((c): FilingOutcome => (c ? { kind: 'filed', dossier: filed[next++]! } : { kind: 'key_used' }));
  });
}

const queues = new WeakMap<AppContext, Batcher<Filing, FilingOutcome>>();

/**
 * Files one dossier through the application's group commit (db/batcher.ts): filings that
 * arrive together are written together. Resolves once this filing is committed.
 */
export function fileDossier(ctx: AppContext, filing: Filing): Promise<FilingOutcome> {
  let queue = queues.get(ctx);
  if (!queue) {
    queue = new Batcher((batch) => writeFilings(ctx, batch));
    queues.set(ctx, queue);
  }
  return queue.run(filing);
}
