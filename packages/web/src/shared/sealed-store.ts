import type { RecordStore } from './record-store';

/**
 * Records encrypted at rest with AES-GCM. The key is a non-extractable CryptoKey made at sign-in and
 * kept in IndexedDB (structured clone stores CryptoKey objects without exposing their bytes) and
 * deleted with every sealed record at sign-out.
 *
 * ASVS 14.3.3 exception (documented): ASVS asks that sensitive data not be kept in browser storage.
 * The citizen app must keep unsent dossiers and drafts on the phone, because in the mountain
 * districts the network drops mid-filing and a lost form means a trip to the commune. We keep them
 * only while signed in, encrypted with a key that script cannot read out (non-extractable), bound to
 * the signed-in user, and erased together with the data at sign-out. The residual risk (someone who
 * can run script in this origin while the session is open) is the same as for the live session.
 */
export interface Sealed {
  id: string;
  iv: Uint8Array;
  data: ArrayBuffer;
}

export interface KeyRecord {
  key: CryptoKey;
  userId: string;
}

export async function generateSealKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Thrown when there is no key (signed out): nothing can be read or written. */
export class LockedError extends Error {
  constructor() {
    super('secure store locked (no key: signed out)');
  }
}

export function sealedStore<T>(inner: RecordStore<Sealed>, getKey: () => Promise<CryptoKey | undefined>): RecordStore<T> {
  async function key(): Promise<CryptoKey> {
    const k = await getKey();
    if (!k) throw new LockedError();
    return k;
  }
  async function open(s: Sealed, k: CryptoKey): Promise<T | undefined> {
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv as BufferSource }, k, s.data);
      return JSON.parse(new TextDecoder().decode(plain)) as T;
    } catch {
      return undefined; // sealed with another key (a previous user's): unreadable, ignored
    }
  }
  return {
    async get(id) {
      const s = await inner.get(id);
      return s ? open(s, await key()) : undefined;
    },
    async put(id, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        await key(),
        new TextEncoder().encode(JSON.stringify(value)),
      );
      await inner.put(id, { id, iv, data });
    },
    delete: (id) => inner.delete(id),
    async list() {
      const k = await key();
      const all = await Promise.all((await inner.list()).map((s) => open(s, k)));
      return all.filter((v): v is Awaited<T> => v !== undefined) as T[];
    },
    clear: () => inner.clear(),
  };
}
