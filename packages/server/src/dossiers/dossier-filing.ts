import { type AuditEntry, auditInsert } from '../audit/index';
import { Batcher } from '../db/batcher';
import type { AppContext } from '../http/context';
import { answersInsert, firstUses, type HeldKey, isKeyTaken } from '../http/idempotency';
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
 * Writes filings: the dossiers of the keys not used before, with their stored answers and audit rows,
 * in one statement — every row of every filing is written, or none is. The desks' daily numbers are
 * reserved just before, in the same transaction: a write that fails gives them back, so neither a
 * failed batch nor the filing that failed it uses up a desk's day (decision 007).
 */
export async function writeFilings(ctx: AppContext, filings: Filing[]): Promise<FilingOutcome[]> {
  const db = ctx.db;
  // No key is looked up first (one round trip less for a lone filing): a key used before fails the
  // answers' insert and the transaction rolls back, numbers included. A lone filing then answers
  // `key_used`; a batch fails, and the batcher writes each of its filings again alone.
  const claimed = firstUses(filings.map((f) => f.key));
  const fresh = filings.filter((_, i) => claimed[i]);
  const now = ctx.now();
  let filed: SubmittedDossier[];
  try {
    filed = await insertPreparedDossiers(ctx, db, fresh, {
      alongWith: (dossiers) => [
        answersInsert(
          db,
          fresh.map((f, i) => ({ ...f.key, answer: { status: 201, body: dossiers[i] } })),
          now,
        ),
        auditInsert(
          db,
          fresh.map((f, i) => ({ ...f.audit, recordType: 'dossier', recordId: dossiers[i]!.code })),
        ),
      ],
    });
  } catch (err) {
    if (filings.length === 1 && isKeyTaken(err)) return [{ kind: 'key_used' }];
    throw err;
  }
  let next = 0;
  return claimed.map((c): FilingOutcome => (c ? { kind: 'filed', dossier: filed[next++]! } : { kind: 'key_used' }));
}

const queues = new WeakMap<AppContext, Batcher<Filing, FilingOutcome>>();

/**
 * Files one dossier through the application's group commit (db/batcher.ts): filings that
 * arrive together are written together. Resolves once this filing is committed.
 */
export function fileDossier(ctx: AppContext, filing: Filing): Promise<FilingOutcome> {
  return filingQueue(ctx).run(filing);
}

/**
 * Announces a filing whose checks are running: under load the next batch waits a few milliseconds
 * for it rather than leaving in a batch of its own. Call the returned function when the checks end.
 */
export function expectFiling(ctx: AppContext): () => void {
  return filingQueue(ctx).expect();
}

function filingQueue(ctx: AppContext): Batcher<Filing, FilingOutcome> {
  let queue = queues.get(ctx);
  if (!queue) {
    // On the embedded database a request runs from its checks to here without giving way, so a
    // batch waits a little for the filings still being checked; on PostgreSQL they interleave.
    const maxWaitMs = ctx.databaseKind === 'pglite' ? 5 : 0;
    // On PostgreSQL two batches run at once: the second is checked, numbered and sent while the first
    // is written; they take their desks' counters in code order, so one waits for the other's
    // commit on a desk they share instead of deadlocking (decision 009).
    const concurrency = ctx.databaseKind === 'postgresql' ? 2 : 1;
    queue = new Batcher((batch) => writeFilings(ctx, batch), { maxBatch: 50, maxWaitMs, concurrency });
    queues.set(ctx, queue);
  }
  return queue;
}
