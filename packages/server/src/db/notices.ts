import type { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// Not database.ts's Db: database.ts imports this file.
type Db = Kysely<Database>;

/**
 * The database's change notices (LISTEN/NOTIFY), for caches that must forget at once what a write —
 * of this server or of another one on the same database — has ended (identity/session-cache.ts).
 * `onChange` runs on every notice of the channel, and also whenever notices may have been missed
 * (the listening connection was lost); `live()` says whether notices are being received right now:
 * a cache must not answer from memory while it is false.
 */
export interface Watch {
  live(): boolean;
}

interface Notices {
  watch(channel: string, onChange: () => void): Watch;
  close(): Promise<void>;
}

const noticesOf = new WeakMap<Db, Notices>();

/** Watches `channel` of the database `db` was opened on (databases not opened by database.ts: never live). */
export function watchChannel(db: Db, channel: string, onChange: () => void): Watch {
  return noticesOf.get(db)?.watch(channel, onChange) ?? { live: () => false };
}

/** Registers the notices of a database opened by database.ts; the returned function stops them. */
export function attachNotices(db: Db, notices: Notices): () => Promise<void> {
  noticesOf.set(db, notices);
  return () => notices.close();
}

const quoteChannel = (channel: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`channel name ${channel}`);
  return channel;
};

/**
 * On PostgreSQL: one connection of its own (outside the pool) holds the LISTENs. When it is lost,
 * every watcher is told (they forget everything) and is not live until it has listened again.
 */
export class PostgresNotices implements Notices {
  readonly #url: string;
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #listening = new Set<string>();
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #closed = false;

  constructor(url: string) {
    this.#url = url;
  }

  watch(channel: string, onChange: () => void): Watch {
    quoteChannel(channel);
    const set = this.#watchers.get(channel) ?? new Set();
    this.#watchers.set(channel, set);
    set.add(onChange);
    if (this.#client) void this.#listen(this.#client, channel);
    else void this.#connect();
    return { live: () => this.#client !== undefined && this.#listening.has(channel) };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#connecting;
    const client = this.#client;
    this.#client = undefined;
    this.#listening.clear();
    await client?.end().catch(() => {});
  }

  #connect(): Promise<void> {
    if (this.#connecting || this.#closed) return this.#connecting ?? Promise.resolve();
    this.#connecting = (async () => {
      const client = new pg.Client({ connectionString: this.#url });
      client.on('error', () => this.#lost(client));
      client.on('end', () => this.#lost(client));
      client.on('notification', (n) => this.#tell(n.channel));
      try {
        await client.connect();
        if (this.#closed) {
          await client.end();
          return;
        }
        this.#client = client;
        for (const channel of this.#watchers.keys()) await this.#listen(client, channel);
      } catch {
        this.#lost(client);
      }
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #listen(client: pg.Client, channel: string): Promise<void> {
    if (this.#listening.has(channel)) return;
    await client.query(`listen ${quoteChannel(channel)}`);
    if (this.#client !== client) return;
    this.#listening.add(channel);
    // Whatever changed before the LISTEN took effect was not announced to this connection.
    this.#tell(channel);
  }

  #lost(client: pg.Client): void {
    if (this.#client && this.#client !== client) return;
    this.#client = undefined;
    this.#listening.clear();
    client.end().catch(() => {});
    for (const channel of this.#watchers.keys()) this.#tell(channel);
    if (!this.#closed) setTimeout(() => void this.#connect(), 1000).unref();
  }

  #tell(channel: string): void {
    for (const onChange of this.#watchers.get(channel) ?? []) onChange();
  }
}

/**
 * On PGlite: its one connection receives the notices of the server's own writes (no other process
 * may open the data directory). The LISTEN goes through Kysely, so it waits its turn for the
 * connection and never lands inside a transaction.
 */
export class PgliteNotices implements Notices {
  readonly #watchers = new Map<string, Set<() => void>>();
  readonly #listening = new Set<string>();
  readonly #stop: () => void;

  constructor(
    pglite: PGlite,
    private readonly db: () => Db,
  ) {
    this.#stop = pglite.onNotification((channel) => {
      for (const onChange of this.#watchers.get(channel) ?? []) onChange();
    });
  }

  watch(channel: string, onChange: () => void): Watch {
    quoteChannel(channel);
    let set = this.#watchers.get(channel);
    if (!set) {
      set = new Set();
      this.#watchers.set(channel, set);
      sql
        .raw(`listen ${channel}`)
        .execute(this.db())
        .then(
          () => this.#listening.add(channel),
          () => {},
        );
    }
    set.add(onChange);
    return { live: () => this.#listening.has(channel) };
  }

  async close(): Promise<void> {
    this.#listening.clear();
    this.#stop();
  }
}
