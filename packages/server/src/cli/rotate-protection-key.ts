import { loadConfigOrExit } from '../config';
import { lockDataDir } from '../db/data-dir-lock';
import { databaseUrls, openMigratedDatabase } from '../db/open';
import { rotateProtectionKey } from '../privacy';

/**
 * `npm run privacy:rotate-key [-- --drop-retired]`: a new current key for identity and phone numbers
 * at rest, and everything stored sealed again with it (privacy/protection-rotation.ts). With
 * --drop-retired the old keys leave the key file once no stored value needs them.
 */
const config = loadConfigOrExit();
// The embedded database must not be opened by two processes: stop the server first (or use DATABASE_URL).
const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
const { handle } = await openMigratedDatabase(databaseUrls(config));
try {
  const r = await rotateProtectionKey(handle.db, config.privacy.keyFile, new Date(), {
    dropRetired: process.argv.includes('--drop-retired'),
  });
  const counts = Object.entries(r.pass.sealed).map(([column, n]) => `  ${column}: ${n}`);
  process.stdout.write(
    [
      `Khoá hiện hành / current key: ${r.keyId} (${config.privacy.keyFile})`,
      'Đã mã hoá lại / sealed again:',
      ...(counts.length ? counts : ['  (không có / none)']),
      ...(r.dropped.length ? [`Đã bỏ khoá cũ / dropped: ${r.dropped.join(', ')}`] : []),
      ...(r.kept.length ? [`Giữ khoá cũ (bản ghi chỉ thêm) / kept for append-only rows: ${r.kept.join(', ')}`] : []),
      '',
    ].join('\n'),
  );
} finally {
  await handle.close();
  releaseLock();
}
