import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

const backgroundWork = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work (job workers: notification drain, portal sync, deadline sweep,
 * pg-boss itself): on the embedded database its queries give way to the requests' queries waiting
 * for the single connection. Everything `work` starts — timers and callbacks included — stays
 * background. On PostgreSQL it changes nothing (each query has a connection of its own).
 */
export function inBackground<T>(work: () => T): T {
  return backgroundWork.run(true, work);
}

/** True inside inBackground(). */
export function isBackgroundWork(): boolean {
  return backgroundWork.getStore() === true;
}

/**
 * The longest background work waits for the connection while requests keep it busy: then it takes
 * one turn, so a busy server still sends its notifications (each turn is one statement or one short
 * transaction of the jobs, which work in small slices).
 */
export const BACKGROUND_MAX_WAIT_MS = 100;

/**
 * Kysely over the embedded PGlite. PGlite has one connection and runs one query at a time, so
 * the driver hands out that single connection to one holder at a time: a transaction holds it until
 * commit or rollback and every other query waits (ARCHITECTURE.md, "Known limits"). Waiting requests
 * come first, in arrival order; background work (inBackground) comes after them, except that work
 * waiting longer than BACKGROUND_MAX_WAIT_MS takes the next turn (decision 002).
 * Parameterless SQL goes through `exec` so that migration scripts may hold several statements.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

interface Waiter {
  since: number;
  grant: () => void;
}

/** Who gets the single connection next: requests first, background work when it has waited too long. */
export class ConnectionTurns {
  #busy = false;
  readonly #requests: Waiter[] = [];
  readonly #background: Waiter[] = [];
  #requestHead = 0;
  #backgroundHead = 0;

  /** Resolves when it is the caller's turn; call release() when done. */
  acquire(background: boolean): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise<void>((grant) => {
      (background ? this.#background : this.#requests).push({ since: performance.now(), grant });
    });
  }

  release(): void {
    const next = this.#next();
    if (next) next.grant();
    else this.#busy = false;
  }

  /** Requests and background work waiting (for tests and diagnostics). */
  get waiting(): { requests: number; background: number } {
    return {
      requests: this.#requests.length - this.#requestHead,
      background: this.#background.length - this.#backgroundHead,
    };
  }

  #next(): Waiter | undefined {
    const oldest = this.#background[this.#backgroundHead];
    const requestWaiting = this.#requestHead < this.#requests.length;
    if (oldest && (!requestWaiting || performance.now() - oldest.since >= BACKGROUND_MAX_WAIT_MS)) {
      return this.#shift(this.#background, true);
    }
    return requestWaiting ? this.#shift(this.#requests, false) : undefined;
  }

  // Index heads instead of Array.shift(): the request queue can hold thousands under load.
  #shift(queue: Waiter[], background: boolean): Waiter | undefined {
    const head = background ? this.#backgroundHead : this.#requestHead;
    const waiter = queue[head];
    const next = head + 1;
    const compact = next === queue.length || next > 1024;
    if (compact) queue.splice(0, next);
    if (background) this.#backgroundHead = compact ? 0 : next;
    else this.#requestHead = compact ? 0 : next;
    return waiter;
  }
}

class PGliteDriver implements Driver {
  readonly #turns = new ConnectionTurns();
  readonly #connection: PGliteConnection;
  constructor(pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.acquire(isBackgroundWork());
    return this.#connection;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }
  async commitTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection() {
    this.#turns.release();
  }
  async destroy() {}
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (compiled.parameters.length === 0) {
      const results = await this.pglite.exec(compiled.sql);
      const last = results[results.length - 1];
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }
  // biome-ignore lint/correctness/useYield: streaming is not offered on the embedded database.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}
