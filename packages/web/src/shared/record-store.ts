/**
 * Key–value records behind a small interface, so that the outbox and draft logic can be tested in node
 * with the in-memory store and run in the browser on IndexedDB (no library: the four calls we need).
 */
export interface RecordStore<T> {
  get(id: string): Promise<T | undefined>;
  put(id: string, value: T): Promise<void>;
  delete(id: string): Promise<void>;
  list(): Promise<T[]>;
  clear(): Promise<void>;
}

export function memoryStore<T>(): RecordStore<T> {
  const map = new Map<string, T>();
  return {
    async get(id) {
      return map.get(id);
    },
    async put(id, value) {
      map.set(id, value);
    },
    async delete(id) {
      map.delete(id);
    },
    async list() {
      return [...map.values()];
    },
    async clear() {
      map.clear();
    },
  };
}

const DB_NAME = 'dvc-citizen';
const DB_VERSION = 1;
export const STORE_NAMES = ['keys', 'outbox', 'drafts'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

let dbPromise: Promise<IDBDatabase> | undefined;
function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of STORE_NAMES) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return dbPromise;
}

function run<R>(store: StoreName, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> {
  return openDb().then(
    (db) =>
      new Promise<R>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const request = op(tx.objectStore(store));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

/** IndexedDB object store; values are stored by structured clone (CryptoKey objects included). */
export function idbStore<T>(name: StoreName): RecordStore<T> {
  return {
    get: (id) => run(name, 'readonly', (s) => s.get(id) as IDBRequest<T | undefined>),
    put: async (id, value) => {
      await run(name, 'readwrite', (s) => s.put(value, id));
    },
    delete: async (id) => {
      await run(name, 'readwrite', (s) => s.delete(id));
    },
    list: () => run(name, 'readonly', (s) => s.getAll() as IDBRequest<T[]>),
    clear: async () => {
      await run(name, 'readwrite', (s) => s.clear());
    },
  };
}
