import type { Draft } from './drafts';
import type { OutboxItem } from './outbox';
import { idbStore } from './record-store';
import { generateSealKey, type KeyRecord, type Sealed, sealedStore } from './sealed-store';

/**
 * The browser's encrypted stores (outbox and drafts) and their key's life cycle: made at sign-in,
 * erased with every record at sign-out. See sealed-store.ts for the ASVS 14.3.3 exception.
 */
const KEY_ID = 'seal-key';
const keys = idbStore<KeyRecord & { fullName?: string }>('keys');

async function currentKey(): Promise<CryptoKey | undefined> {
  return (await keys.get(KEY_ID))?.key;
}

export const outboxStore = sealedStore<OutboxItem>(idbStore<Sealed>('outbox'), currentKey);
export const draftStore = sealedStore<Draft>(idbStore<Sealed>('drafts'), currentKey);

/**
 * At sign-in. The same person signing in again (an expired session) keeps their key, so unsent
 * dossiers survive; anyone else starts from empty stores and a fresh key.
 */
export async function openSecureStorage(user: { id: string; fullName: string }): Promise<void> {
  const existing = await keys.get(KEY_ID);
  if (existing && existing.userId === user.id) return;
  await purgeSecureStorage();
  await keys.put(KEY_ID, { key: await generateSealKey(), userId: user.id, fullName: user.fullName });
}

/** At sign-out: every unsent dossier, every draft, and the key. */
export async function purgeSecureStorage(): Promise<void> {
  await outboxStore.clear();
  await draftStore.clear();
  await keys.clear();
}

/** Who the stores belong to, for starting offline (no /auth/me answer) with the data still usable. */
export async function secureStorageOwner(): Promise<{ userId: string; fullName?: string } | undefined> {
  try {
    const record = await keys.get(KEY_ID);
    return record ? { userId: record.userId, fullName: record.fullName } : undefined;
  } catch {
    return undefined;
  }
}
