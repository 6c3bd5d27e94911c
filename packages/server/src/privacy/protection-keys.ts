import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The keys of personal data at rest (issue 20 point 5), kept outside the database in one JSON file
 * (config.privacy.keyFile, mode 0600): the AES-256-GCM keys by id — `current` seals, every other
 * one still opens what it sealed — and the HMAC-SHA256 key of the blind indexes, separate so that
 * the searchable tokens say nothing about the ciphertexts and survive a rotation of the others.
 */
const KeyFile = z.strictObject({
  current: z.string().regex(/^[a-z0-9]{1,16}$/),
  keys: z.record(z.string().regex(/^[a-z0-9]{1,16}$/), z.base64()),
  index: z.base64(),
});
type KeyFile = z.infer<typeof KeyFile>;

/** Every sealed value starts with this, then `<key id>.`, then base64url(iv | ciphertext | tag). */
export const SEALED_PREFIX = 'pd1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** An unknown key id re-reads the file (a rotation by the CLI), at most this often. */
const RELOAD_MS = 5_000;

export const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith(SEALED_PREFIX);

export class KeyRing {
  #file: KeyFile;
  #keys = new Map<string, Buffer>();
  #index: Buffer;
  #reloadedAt = 0;

  constructor(
    file: KeyFile,
    private readonly reload?: () => KeyFile,
  ) {
    this.#file = file;
    this.#index = Buffer.alloc(0);
    this.#load(file);
  }

  #load(file: KeyFile) {
    const keys = new Map(Object.entries(file.keys).map(([id, k]) => [id, Buffer.from(k, 'base64')]));
    const index = Buffer.from(file.index, 'base64');
    if (!keys.has(file.current)) throw new Error(`Khoá hiện hành ${file.current} không có trong tệp khoá (current key missing)`);
    for (const k of [...keys.values(), index])
      if (k.length !== 32) throw new Error('Khoá bảo vệ dữ liệu cá nhân phải dài 32 byte (keys must be 32 bytes)');
    this.#file = file;
    this.#keys = keys;
    this.#index = index;
  }

  get currentKeyId(): string {
    return this.#file.current;
  }

  /** Ids of the keys that are not the current one: what a rotation re-encrypts. */
  get retiredKeyIds(): string[] {
    return [...this.#keys.keys()].filter((id) => id !== this.#file.current);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.#file.current)!, iv);
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${this.#file.current}.${body.toString('base64url')}`;
  }

  /** The clear value; a value that is not sealed (a row the backfill has not reached yet) as it is. */
  open(value: string): string {
    if (!isSealed(value)) return value;
    const dot = value.indexOf('.', SEALED_PREFIX.length);
    const keyId = value.slice(SEALED_PREFIX.length, dot);
    const key = this.#keyFor(keyId);
    const body = Buffer.from(value.slice(dot + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /**
   * open() for values read back from anywhere in a row: a text that only looks sealed (a citizen may
   * type anything in a free-text field) is answered as it is instead of failing the whole read.
   */
  openOrKeep(value: string): string {
    try {
      return this.open(value);
    } catch {
      return value;
    }
  }

  /** Whether `value` is sealed with the current key (nothing left to do for it). */
  isCurrent(value: string): boolean {
    return value.startsWith(`${SEALED_PREFIX}${this.#file.current}.`);
  }

  /** The searchable token of a value: equal values, equal tokens; `purpose` keeps phones and ids apart. */
  blindIndex(purpose: string, plain: string): string {
    return createHmac('sha256', this.#index).update(`${purpose}\0${plain}`).digest('base64url');
  }

  #keyFor(keyId: string): Buffer {
    let key = this.#keys.get(keyId);
    if (!key && this.reload && Date.now() - this.#reloadedAt > RELOAD_MS) {
      this.#reloadedAt = Date.now();
      this.#load(this.reload());
      key = this.#keys.get(keyId);
    }
    if (!key) throw new Error(`Không có khoá ${keyId} để giải mã dữ liệu cá nhân (unknown key id)`);
    return key;
  }
}

const newKey = () => randomBytes(32).toString('base64');

function readKeyFile(path: string): KeyFile {
  return KeyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Written aside and renamed: a server re-reading it never sees half a file.
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
}

/** The key ring of `path`, created on first start (one key, id k1) when the file does not exist. */
export function loadKeyRing(path: string): KeyRing {
  if (!existsSync(path)) writeKeyFile(path, { current: 'k1', keys: { k1: newKey() }, index: newKey() });
  return new KeyRing(readKeyFile(path), () => readKeyFile(path));
}

/** Adds a new key to the file and makes it the current one; answers its id. The others stay to open old values. */
export function addCurrentKey(path: string): string {
  const file = readKeyFile(path);
  const numbers = Object.keys(file.keys).map((id) => Number(/^k(\d+)$/.exec(id)?.[1] ?? 0));
  const id = `k${Math.max(0, ...numbers) + 1}`;
  writeKeyFile(path, { ...file, current: id, keys: { ...file.keys, [id]: newKey() } });
  return id;
}

/** Drops the keys no value needs any more (after a re-encryption); the current one and the index key stay. */
export function dropRetiredKeys(path: string): string[] {
  const file = readKeyFile(path);
  const dropped = Object.keys(file.keys).filter((id) => id !== file.current);
  writeKeyFile(path, { ...file, keys: { [file.current]: file.keys[file.current]! } });
  return dropped;
}
