import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, rawDriverOf } from '../db/database';

/**
 * COPY FROM STDIN of the history import, on either engine: PostgreSQL through pg-copy-streams on a
 * connection of the pool, PGlite from a blob (`COPY … FROM '/dev/blob'`) while holding its single
 * connection, so that no other query runs in between. Rows are lines of COPY's text format.
 */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format (null → \N, dates in ISO 8601, booleans t/f). */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  return HAS_SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : s;
}

/** Lines per chunk written to the COPY stream: few large writes rather than many small ones. */
const LINES_PER_WRITE = 2000;

function* chunksOf(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += LINES_PER_WRITE) {
    yield `${lines.slice(i, i + LINES_PER_WRITE).join('\n')}\n`;
  }
}

/** Copies `lines` (tab-separated, in the order of `columns`) into `table`. */
export async function copyLines(db: Db, table: string, columns: readonly string[], lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const driver = rawDriverOf(db);
  if (!driver) throw new Error('COPY cần kết nối cơ sở dữ liệu gốc (the database was not opened by openDatabase)');
  const target = `${table} (${columns.join(', ')})`;
  if (driver.kind === 'postgresql') {
    const client = await driver.pool.connect();
    let failure: Error | undefined;
    try {
      await pipeline(Readable.from(chunksOf(lines)), client.query(copyFrom(`copy ${target} from stdin`)));
    } catch (err) {
      failure = err as Error;
      throw err;
    } finally {
      // A connection whose COPY failed midway is not given back to the pool.
      client.release(failure);
    }
    return;
  }
  const blob = new Blob([...chunksOf(lines)]);
  await db.connection().execute(() => driver.pglite.query(`copy ${target} from '/dev/blob'`, [], { blob }));
}
