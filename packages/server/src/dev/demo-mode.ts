import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

/** The file in the data dir that remembers whether this data dir is a demo (content "1" or "0"). */
export const DEMO_MODE_FILE = 'demo-mode';

/**
 * Decides demo mode for `npm start` when DVC_DEMO is not given: a data dir remembers its choice, and
 * a fresh embedded-database data dir (a first `npm start`) becomes a demo — its accounts and one-time
 * codes are then for trying the app on this machine. PostgreSQL deployments get demo mode only from
 * an explicit DVC_DEMO=1. An explicit DVC_DEMO is remembered too. Call before the database is opened.
 */
export function resolveDemoMode(config: Config): { config: Config; line: string } {
  const file = join(config.DATA_DIR, DEMO_MODE_FILE);
  const remembered = existsSync(file) ? readFileSync(file, 'utf8').trim() === '1' : undefined;
  if (config.NODE_ENV === 'production') {
    const note = remembered ? ` — ${file} ghi chế độ demo nhưng bị bỏ qua (ignored in production)` : '';
    return { config: { ...config, devTools: false }, line: `  Chế độ demo / demo:   tắt (NODE_ENV=production)${note}` };
  }
  let on: boolean;
  let why: string;
  if (config.DVC_DEMO !== undefined) {
    on = config.DVC_DEMO === '1';
    why = `DVC_DEMO=${config.DVC_DEMO}`;
  } else if (remembered !== undefined) {
    on = remembered;
    why = `ghi nhớ trong / remembered in ${file}`;
  } else {
    on = !config.DATABASE_URL && !existsSync(join(config.DATA_DIR, 'pglite'));
    why = on ? 'thư mục dữ liệu mới / fresh data dir' : 'mặc định / default';
  }
  if (config.DVC_DEMO !== undefined || remembered === undefined) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, on ? '1\n' : '0\n');
  }
  const state = on
    ? 'BẬT / ON — tài khoản mẫu, /api/dev/sms-outbox và VNeID thử nghiệm (chỉ từ 127.0.0.1); tắt: DVC_DEMO=0'
    : 'tắt / off — bật: DVC_DEMO=1';
  return { config: { ...config, devTools: on }, line: `  Chế độ demo / demo:   ${state} (${why})` };
}
