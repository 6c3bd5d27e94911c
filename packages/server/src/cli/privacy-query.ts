import { sql } from 'kysely';
import { loadConfigOrExit } from '../config';
import { lockDataDir } from '../db/data-dir-lock';
import { openDatabase } from '../db/open';
import { openWithProtection } from '../privacy';

/**
 * `npm run privacy:query -- "select …"`: one read-only query through the app's keys, its rows as JSON
 * lines with the sealed identity and phone numbers opened (docs/personal-data.md §6, the breach facts).
 */
const query = process.argv[2];
if (!query) {
  process.stderr.write('Cách dùng / usage: npm run privacy:query -- "select …"\n');
  process.exit(2);
}
const config = loadConfigOrExit();
const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
const handle = await openDatabase(config);
try {
  const db = openWithProtection(handle.db, config);
  const rows = await db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    return (await sql.raw(query).execute(trx)).rows;
  });
  for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
} finally {
  await handle.close();
  releaseLock();
}
