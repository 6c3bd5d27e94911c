import type { Config } from '../config';
import { type Db, withDbPlugin } from '../db/database';
import { ProtectionPlugin } from './protection.plugin';
import { type ProtectionPass, protectStoredValues } from './protection-backfill';
import { type KeyRing, loadKeyRing } from './protection-keys';

export interface ProtectedDatabase {
  /** The app's connection: what it writes of the protected columns is sealed, what it reads opened. */
  db: Db;
  ring: KeyRing;
  /** What the start sealed of the rows stored before (nothing, once done with the current key). */
  pass: ProtectionPass;
}

/**
 * At start (main.ts, the test harness): loads the keys once from config.privacy.keyFile (creating the
 * file on the first start), seals what is stored in clear or under a retired key, and answers the
 * connection the app runs on.
 */
export async function protectDatabase(db: Db, config: Pick<Config, 'privacy'>, now: Date): Promise<ProtectedDatabase> {
  const ring = loadKeyRing(config.privacy.keyFile);
  const pass = await protectStoredValues(db, ring, now);
  return { db: withDbPlugin(db, new ProtectionPlugin(ring)), ring, pass };
}

/** The connection with the keys of config.privacy.keyFile, without the start's pass (a CLI's read). */
export function openWithProtection(db: Db, config: Pick<Config, 'privacy'>): Db {
  return withDbPlugin(db, new ProtectionPlugin(loadKeyRing(config.privacy.keyFile)));
}
