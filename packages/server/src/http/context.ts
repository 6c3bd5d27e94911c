import type { Config } from '../config';
import type { DatabaseKind, Db } from '../db/database';

/** What every capability gets from the app: its database, the configuration and a clock. */
export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  config: Config;
  /** The time now. Tests pass a fixed clock; domain code never reads the clock itself. */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
