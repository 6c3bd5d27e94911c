import { sql } from 'kysely';
import type { Db } from '../db/database';
import { PROTECTED_COLUMNS } from './field-protection';
import { type ProtectionPass, protectStoredValues } from './protection-backfill';
import { addCurrentKey, dropRetiredKeys, loadKeyRing } from './protection-keys';

export interface Rotation {
  keyId: string;
  pass: ProtectionPass;
  /** Retired keys removed from the file (with `dropRetired`: those no stored value needs any more). */
  dropped: string[];
  /** Retired keys kept: append-only rows (register versions) still sealed with them. */
  kept: string[];
}

/**
 * Key rotation (`npm run privacy:rotate-key`, cli/rotate-protection-key.ts): a new current key in the
 * key file, then every stored value sealed again with it. Running servers keep working: a value
 * sealed with a key they do not know makes them re-read the file. The blind-index key stays, so the
 * lookups by phone and identity number find the same rows before and after.
 */
export async function rotateProtectionKey(
  db: Db,
  keyFile: string,
  now: Date,
  options: { dropRetired?: boolean } = {},
): Promise<Rotation> {
  loadKeyRing(keyFile); // creates the file on a server that never started
  const keyId = addCurrentKey(keyFile);
  const ring = loadKeyRing(keyFile);
  const pass = await protectStoredValues(db, ring, now, { force: true });
  if (!options.dropRetired) return { keyId, pass, dropped: [], kept: [] };
  const kept: string[] = [];
  for (const old of ring.retiredKeyIds) if (await stillUsed(db, old)) kept.push(old);
  const dropped = kept.length === 0 ? dropRetiredKeys(keyFile) : [];
  return { keyId, pass, dropped, kept };
}

async function stillUsed(db: Db, keyId: string): Promise<boolean> {
  const raw = db.withoutPlugins();
  for (const [table, columns] of Object.entries(PROTECTED_COLUMNS))
    for (const column of Object.keys(columns)) {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where ${sql.ref(column)}::text like ${`%pd1.${keyId}.%`}`.execute(raw);
      if ((r.rows[0]?.n ?? 0) > 0) return true;
    }
  return false;
}
