import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * The province administrator imports a year's CSV of dossiers from the reports screen: picks the
 * file as a person would, watches it go up and get imported, reads the counts, downloads the list of
 * bad rows — then imports the same file again and nothing is doubled.
 */
const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = process.env.E2E_SHOTS_DIR;
let server: RunningServer;
let browser: Browser;
const errors: string[] = [];

/** A dist older than any source file (the import section is new) is rebuilt first. */
function ensureFreshBuild() {
  ensureWebBuild();
  const builtAt = statSync(join(webRoot, 'dist', 'index.html')).mtimeMs;
  const sources = readdirSync(join(webRoot, 'src'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  if (sources.every((d) => statSync(join(d.parentPath, d.name)).mtimeMs <= builtAt)) return;
  const r = spawnSync('npx', ['vite', 'build'], { cwd: webRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

const COLUMNS = [
  'code',
  'procedure_code',
  'unit_code',
  'channel',
  'submitted_at',
  'received_at',
  'due_at',
  'resolved_at',
  'returned_at',
  'status',
  'withdrawn',
  'components_total',
  'components_digitized',
  'result_digitized',
  'result_electronic',
  'fee_amount',
  'paid_online',
];
const GOOD = 1200;

/** GOOD good rows, and two bad ones at lines 3 (a channel that does not exist) and 9 (30 February). */
function historyCsv(): string {
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < GOOD + 2; i++) {
    const line = lines.length + 1;
    const channel = line === 3 ? 'fax' : i % 2 === 0 ? 'mobile' : 'web';
    const submitted = line === 9 ? '2023-02-30T08:00:00+07:00' : '2023-06-05T08:00:00+07:00';
    lines.push(
      [
        `E2E-${String(i).padStart(5, '0')}`,
        '1.001612',
        '524',
        channel,
        submitted,
        '2023-06-05T09:00:00+07:00',
        '2023-06-08T17:00:00+07:00',
        '2023-06-06T10:00:00+07:00',
        '2023-06-06T15:00:00+07:00',
        'returned',
        'false',
        '3',
        '3',
        'true',
        'true',
        '50000',
        'true',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

before(
  async () => {
    ensureFreshBuild();
    server = await startServer();
    browser = await launchBrowser();
  },
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a province admin imports a CSV on the reports screen and downloads its bad rows', { timeout: 180_000 }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dvc-e2e-import-')), 'ho-so-2023.csv');
  writeFileSync(file, historyCsv());
  const context = await browser.newContext({
    baseURL: server.baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto('/bao-cao');
  await page.getByRole('link', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Số điện thoại').fill('0905000091');
  await page.getByLabel('Mật khẩu').fill('DemoDvc@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const section = page.getByRole('region', { name: 'Nhập dữ liệu hồ sơ' });
  await section.waitFor();
  // Below the report, once the report is there.
  await page.locator('.rp-table tfoot tr').waitFor();
  if (shots) await section.screenshot({ path: join(shots, 'reports-import-idle.png') });

  // A slow upload (a phone on 3G) so that the upload's own bar shows before the import's.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 100 * 1024,
  });

  const importOnce = async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section.getByText('Chọn tệp…').click()]);
    await chooser.setFiles(file);
    await section.getByRole('button', { name: 'Tải lên và nhập' }).click();
  };
  await importOnce();
  const uploadBar = section.getByRole('progressbar', { name: 'Đang tải tệp lên…' });
  await uploadBar.waitFor();
  if (shots) await section.screenshot({ path: join(shots, 'reports-import-upload.png') });
  await section.getByRole('progressbar', { name: 'Đang nhập dữ liệu…' }).waitFor({ timeout: 60_000 });
  if (shots) await section.screenshot({ path: join(shots, 'reports-import-progress.png') });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await section
    .getByText(`Đã nhập xong tệp ho-so-2023.csv: ${(GOOD + 2).toLocaleString('vi-VN')} dòng dữ liệu.`)
    .waitFor({ timeout: 120_000 });

  const count = async (label: string) =>
    section.locator('.rp-import-summary > div', { hasText: label }).locator('dd').innerText();
  assert.deepEqual(
    [await count('Hồ sơ mới'), await count('Đã có (trùng)'), await count('Xung đột'), await count('Dòng lỗi')],
    [GOOD.toLocaleString('vi-VN'), '0', '0', '2'],
  );
  if (shots) await section.screenshot({ path: join(shots, 'reports-import.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: 'Tải danh sách dòng lỗi (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ho-so-2023.errors.csv');
  const bad = readFileSync((await download.path()) ?? '', 'utf8')
    .trim()
    .split('\n');
  assert.equal(bad[0], 'line,column,reason');
  assert.deepEqual(
    bad.slice(1).map((l) => l.split(',').slice(0, 2).join(',')),
    ['3,channel', '9,submitted_at'],
  );

  // The same file again: everything is already there, nothing is doubled.
  await section.getByRole('button', { name: 'Nhập tệp khác' }).click();
  await importOnce();
  await section.getByText('Đã nhập xong tệp ho-so-2023.csv').waitFor({ timeout: 120_000 });
  assert.deepEqual(
    [await count('Hồ sơ mới'), await count('Đã có (trùng)'), await count('Dòng lỗi')],
    ['0', GOOD.toLocaleString('vi-VN'), '2'],
  );
  await context.close();
  assert.deepEqual(errors, []);
});
