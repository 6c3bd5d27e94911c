import { type DatabaseHandle, openPglite, openPostgres } from './database';
import { grantAppRole, migrate } from './migrate';

/** The database part of the app's settings (config.ts); db/ reads no configuration of its own. */
export interface DatabaseSettings {
  DATABASE_URL?: string;
  MIGRATION_DATABASE_URL?: string;
  APP_DB_ROLE?: string;
  DATA_DIR?: string;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR. */
export function openDatabase(config: DatabaseSettings): Promise<DatabaseHandle> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(config.DATA_DIR);
}

export interface DatabaseUrls {
  /** The app's connection; none → PGlite under dataDir (in memory when dataDir is undefined too). */
  databaseUrl?: string;
  /** The owner's connection, for migrations; none → migrations run through databaseUrl. */
  migrationUrl?: string;
  /** The role granted the app's privileges; default: databaseUrl's user. */
  appRole?: string;
  dataDir?: string;
}

/**
 * Migrates and opens the app's connection (decision 008). With a separate migration URL the
 * migrations run as that (owner) role, the app role is then granted its privileges, and the app's
 * connection owns nothing. With one URL (quick start, PGlite) it migrates through the app's connection.
 */
export async function openMigratedDatabase(urls: DatabaseUrls): Promise<{ handle: DatabaseHandle; applied: string[] }> {
  const { databaseUrl, migrationUrl } = urls;
  if (databaseUrl && migrationUrl && migrationUrl !== databaseUrl) {
    const appRole = urls.appRole ?? decodeURIComponent(new URL(databaseUrl).username);
    if (!appRole) throw new Error('APP_DB_ROLE không rõ: DATABASE_URL không có tên người dùng (name the app role)');
    const owner = await openPostgres(migrationUrl);
    let applied: string[];
    try {
      applied = await migrate(owner.db);
      await grantAppRole(owner.db, appRole);
    } finally {
      await owner.close();
    }
    return { handle: await openPostgres(databaseUrl), applied };
  }
  const handle = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(urls.dataDir);
  try {
    return { handle, applied: await migrate(handle.db) };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** The database settings of the configuration, for openMigratedDatabase. */
export function databaseUrls(config: DatabaseSettings): DatabaseUrls {
  return {
    databaseUrl: config.DATABASE_URL,
    migrationUrl: config.MIGRATION_DATABASE_URL,
    appRole: config.APP_DB_ROLE,
    dataDir: config.DATA_DIR,
  };
}
