import { loadConfigOrExit } from '../config';
import { lockDataDir } from '../db/data-dir-lock';
import { databaseUrls, openMigratedDatabase } from '../db/open';
import { rebuildAggregates } from '../reports/index';

/**
 * `npm run reports:rebuild`: the report aggregates (report_daily, report_monthly) recomputed from the
 * dossier table, and the change rows waiting for the rollup dropped (decision 014) — a repair after
 * a write that missed the reports' entry point, or after a restore of the dossier table alone.
 */
const config = loadConfigOrExit();
// The embedded database must not be opened by two processes: stop the server first (or use DATABASE_URL).
const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
const { handle } = await openMigratedDatabase(databaseUrls(config));
try {
  const started = Date.now();
  const r = await rebuildAggregates(handle.db, config.PROVINCE_CODE);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Đã tính lại số liệu báo cáo từ ${r.dossiers} hồ sơ trong ${seconds} giây / rebuilt from ${r.dossiers} dossiers in ${seconds} s\n`,
  );
} finally {
  await handle.close();
  releaseLock();
}
