import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * The province administrator opens the report of the pilot's phase 3 (seed 002: 801 dossiers, 17 at
 * the counter, 784 online, 97,88%), reads the totals, the formula behind a header, the target lists and
 * the charts, and downloads the CSV; then anyone, signed out, on a phone, reads the public figures.
 */
const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
let server: RunningServer;
let browser: Browser;
const errors: string[] = [];

/** A dist built before the report screens existed has no ReportsApp chunk: rebuild it then. */
function ensureReportsBuild() {
  ensureWebBuild();
  const assets = join(webRoot, 'dist', 'assets');
  if (existsSync(assets) && readdirSync(assets).some((f) => f.startsWith('ReportsApp-'))) return;
  const r = spawnSync('npx', ['vite', 'build'], { cwd: webRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

before(
  async () => {
    ensureReportsBuild();
    server = await startServer();
    browser = await launchBrowser();
  },
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('phase 3 of the pilot: totals, formulas, target lists, charts and the CSV', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    viewport: { width: 1280, height: 800 },
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
  await page.getByRole('heading', { name: 'Báo cáo chỉ số giải quyết hồ sơ' }).waitFor();

  await page.goto('/bao-cao?period=phase:thi-diem-gd3');
  const totals = page.locator('.rp-table tfoot tr');
  await totals.waitFor();
  await page.getByText('Thử nghiệm — giai đoạn 3: từ ngày 22/03/2023 đến ngày 10/05/2023').waitFor();
  assert.equal(await totals.locator('th').innerText(), 'Tổng cộng');
  // Columns: carried over, new | direct, portal, app, phone, online, online rate | …
  const cells = await totals.locator('td').allInnerTexts();
  assert.deepEqual(
    { received: cells[1], direct: cells[2], web: cells[3], mobile: cells[4], online: cells[6], rate: cells[7] },
    { received: '801', direct: '17', web: '276', mobile: '508', online: '784', rate: '97,88%' },
  );
  const rateHeader = page.locator('.rp-table thead th[title]', { hasText: 'Tỷ lệ trực tuyến' });
  assert.match((await rateHeader.getAttribute('title')) ?? '', /÷ Hồ sơ tiếp nhận mới trong kỳ/);
  // Paid online, in đồng the Vietnamese way.
  assert.equal(cells[19], '18.900.000 đ');

  // Against the 50% target of the period every district met it (seed 002: "hoàn thành vượt chỉ tiêu").
  await page.getByRole('heading', { name: 'Đánh giá theo chỉ tiêu hồ sơ trực tuyến 50,00%' }).waitFor();
  assert.match(await page.locator('.rp-target.met h3').innerText(), /Đạt chỉ tiêu \(13\)/);
  assert.match(await page.locator('.rp-target.none h3').innerText(), /Chưa có hồ sơ trực tuyến \(0\)/);

  // Decision 766's scorecard: five groups, each unit's score, and its inputs one tap away.
  const scorecard = page.getByRole('region', { name: /Quyết định 766\/QĐ-TTg/ });
  await scorecard.getByRole('columnheader', { name: 'Công khai, minh bạch (18)' }).waitFor();
  const first = scorecard.locator('tbody tr').first();
  await first.getByRole('button').click();
  assert.match(
    await scorecard.locator('.rp-scorecard-inputs').first().innerText(),
    /Tiến độ giải quyết — Tỷ lệ giải quyết đúng hạn: \d/,
  );
  assert.match(await scorecard.locator('tbody tr.rp-total').innerText(), /Tổng cộng[\s\S]*\d+,\d\d\/\d+/);

  await page.locator('.rp-chart canvas').nth(1).waitFor();
  assert.equal(await page.locator('.rp-chart canvas').count(), 2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'chi-so_unit_2023-03-22_2023-05-10.csv');
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  assert.match(csv, /Tổng cộng,17,801,17,276,508,0,784,.*"97,88%"/);
  await context.close();
});

test('the public figures open without signing in, phone-sized', { timeout: 60_000 }, async () => {
  const context = await phoneContext(browser, server.baseURL);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/cong-khai?year=2023');
  await page.getByRole('heading', { name: 'Công khai kết quả giải quyết hồ sơ' }).waitFor();
  const table = page.getByRole('table', { name: 'Chỉ số toàn tỉnh năm 2023' });
  await table.waitFor();
  assert.ok((await table.locator('tbody tr').count()) >= 5);
  assert.match(await table.locator('tfoot').innerText(), /Cả năm 2023/);
  await page.locator('.rp-chart canvas').waitFor();
  // By locality: the 13 old districts for the year, then for phase 3 of the pilot (seed 002: 801 dossiers).
  const byYear = page.getByRole('table', { name: /^Theo địa bàn — 2023/ });
  assert.equal(await byYear.locator('tbody tr').count(), 13);
  await page.getByLabel('Theo địa bàn').selectOption({ label: 'Thử nghiệm — giai đoạn 3' });
  const byPhase = page.getByRole('table', { name: /^Theo địa bàn — Thử nghiệm — giai đoạn 3/ });
  await byPhase.waitFor();
  assert.match(page.url(), /phase=thi-diem-gd3/);
  const phases = page.getByRole('table', { name: 'Theo giai đoạn thử nghiệm (toàn tỉnh)' });
  assert.match(await phases.locator('tbody tr').nth(2).innerText(), /801[\s\S]*97,88%/);
  // Cards on a phone: nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await context.close();
  assert.deepEqual(errors, []);
});
