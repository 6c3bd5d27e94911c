import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfigOrExit } from '../config';
import { lockDataDir } from '../db/data-dir-lock';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { importCsvFile } from '../dossiers/dossier-import-csv';
import type { AppContext } from '../http/context';
import { seed } from '../seed';

/**
 * `npm run import -- dossiers.csv`: the import of dossiers/dossier-import-csv.ts (the same the web
 * import runs) with a progress bar on the terminal; the bad rows go to dossiers.errors.csv beside it.
 */
export { type CsvImportSummary, errorsFileFor, importCsvFile } from '../dossiers/dossier-import-csv';

function bar(done: number, total: number): string {
  const width = 30;
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const n = Math.round(f * width);
  return `[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${(f * 100).toFixed(1).padStart(5)}%`;
}

const PRINTED_ERRORS = 100;
let errorsPrinted = 0;

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    process.stderr.write('Cách dùng / usage: npm run import -- dossiers.csv\n');
    return 2;
  }
  const config = loadConfigOrExit();
  const path = resolve(config.INIT_CWD ?? process.cwd(), file);
  const size = statSync(path).size;
  // The embedded database must not be opened by two processes: stop the server first (or use DATABASE_URL).
  const releaseLock = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
  try {
    const handle = await openDatabase(config);
    try {
      await migrate(handle.db);
      const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
      // Reference data (units, catalog, calendar) the rows are checked against; no demo accounts.
      await seed(ctx, { demo: false });
      const started = Date.now();
      const tty = process.stderr.isTTY;
      const summary = await importCsvFile(ctx, path, {
        onProgress: (bytes, s) => {
          const line = `${bar(bytes, size)}  ${s.rows.toLocaleString('vi-VN')} dòng, ${s.inserted.toLocaleString('vi-VN')} mới, ${s.errorCount.toLocaleString('vi-VN')} lỗi`;
          process.stderr.write(tty ? `\r${line}` : `${line}\n`);
        },
        onError: (e) => {
          if (e.line && errorsPrinted++ < PRINTED_ERRORS) process.stderr.write(`${tty ? '\n' : ''}Dòng ${e.line}: ${e.reason}\n`);
        },
      });
      process.stderr.write(
        `\nXong trong ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.rows} dòng, ${summary.inserted} hồ sơ mới, ` +
          `${summary.duplicates} đã có (bỏ qua), ${summary.conflicts} xung đột, ${summary.errorCount} dòng lỗi (kể cả xung đột).\n`,
      );
      if (summary.errorsFile) process.stderr.write(`Danh sách đầy đủ các dòng lỗi (dòng, cột, lý do): ${summary.errorsFile}\n`);
      return summary.errorCount > 0 ? 1 : 0;
    } finally {
      await handle.close();
    }
  } finally {
    releaseLock();
  }
}
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // A refusal (data dir in use, missing file or column) is a sentence for the user, not a stack trace.
  const code = await main(process.argv.slice(2)).catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    const message = e.code === 'ENOENT' ? `Không tìm thấy tệp / file not found: ${e.path ?? ''}` : (e.message ?? String(err));
    process.stderr.write(`\n${message}\n`);
    return 1;
  });
  process.exit(code);
}
