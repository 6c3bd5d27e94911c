import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../../packages/server/src/app';
import { loadConfig } from '../../packages/server/src/config';
import { openPglite } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { seed } from '../../packages/server/src/seed';
import { launchBrowser } from '../../packages/web/e2e/browser';

const WEB = resolve(import.meta.dirname, '../../packages/web');
const DIST = join(WEB, 'dist');

/** The JS and CSS that index.html loads before anything is lazily imported, gzipped. */
function firstLoadSizes(): { js: number; css: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of new Set(refs)) {
    const size = gzipSync(readFileSync(join(DIST, ref)), { level: 9 }).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { js, css };
}

/**
 * (b) The citizen app's first-load JS and CSS (gzipped) and the time until the sign-in screen is
 * usable under emulated slow 3G (400 kbit/s, 400 ms RTT) with a 4× CPU slowdown, in Debian's Chromium.
 * Targets: JS ≤ 150 KB, usable ≤ 5 s.
 */
export async function benchWebApp(): Promise<void> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: WEB, stdio: 'inherit' });
  const { js, css } = firstLoadSizes();
  console.log('\n== Citizen app first load ==');
  console.log(
    `first-load JS  ${(js / 1024).toFixed(1).padStart(7)} KB gz   (target ≤ 150 KB) ${js / 1024 <= 150 ? 'MET' : 'NOT MET'}`,
  );
  console.log(`first-load CSS ${(css / 1024).toFixed(1).padStart(7)} KB gz`);

  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-web-'));
  const handle = await openPglite();
  await migrate(handle.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const ctx = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: true });
  const app = await buildApp({ ctx, webDist: DIST });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1024) / 8,
        uploadThroughput: (400 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const t0 = Date.now();
      await page.goto(`${base}/dang-nhap`, { waitUntil: 'commit' });
      await page.locator('input[type="password"]').waitFor({ state: 'visible', timeout: 60_000 });
      times.push(Date.now() - t0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[1]! / 1000;
    console.log(
      `sign-in usable on slow 3G, 4× CPU: ${median.toFixed(2)} s median of 3 (target ≤ 5 s) ${median <= 5 ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    await browser.close();
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
