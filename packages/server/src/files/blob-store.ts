import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A content-addressed store: bytes are kept under their SHA-256, so the same bytes uploaded twice
 * are stored once, and a stored blob can never change under its name.
 *
 * Production: an S3-compatible adapter implements the same interface (key `ab/cd/<sha256>`; `put`
 * uploads to a temporary key and copies to the final one, or hashes first then uploads with
 * `If-None-Match: *`). It is not written yet because no S3 client library is installed.
 */
export interface BlobStore {
  put(data: Readable | Buffer): Promise<{ sha256: string; size: number }>;
  /** The bytes, or undefined when no blob has that hash. */
  get(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Erases the bytes (a data subject's deletion, retention); the caller checks nothing refers to them. */
  remove(sha256: string): Promise<void>;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Blobs in `<dir>/ab/cd/<sha256>`; two directory levels keep folders small on any file system. */
export class LocalBlobStore implements BlobStore {
  /** Blobs seen on disk: they are never changed or removed, so each is checked once per process. */
  readonly #present = new Set<string>();

  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA256_PATTERN.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(data: Readable | Buffer): Promise<{ sha256: string; size: number }> {
    // Written to a temporary file first and renamed once complete and hashed: a crash mid-write
    // leaves only a stray temporary file, never a half file under a hash.
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = Buffer.isBuffer(data) ? Readable.from([data]) : data;
    try {
      await pipeline(source, counter, createWriteStream(tmp, { flags: 'wx' }));
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      if (await this.has(sha256)) {
        await unlink(tmp);
      } else {
        await mkdir(join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        // rename is atomic on one file system; a concurrent put of the same bytes writes the same content.
        await rename(tmp, target);
      }
      return { sha256, size };
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return createReadStream(this.pathOf(sha256));
  }

  async remove(sha256: string): Promise<void> {
    this.#present.delete(sha256);
    await rm(this.pathOf(sha256), { force: true });
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_PATTERN.test(sha256)) return false;
    if (this.#present.has(sha256)) return true;
    try {
      await access(this.pathOf(sha256));
      if (this.#present.size >= 100_000) this.#present.clear();
      this.#present.add(sha256);
      return true;
    } catch {
      return false;
    }
  }
}
