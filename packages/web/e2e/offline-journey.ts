// Drives the filing wizard end to end against a running server (BASE_URL), going offline before
// submitting: the dossier waits in the outbox ("Chờ gửi") and is sent once when back online.
// Usage: BASE_URL=http://127.0.0.1:3100 node --import tsx packages/web/e2e/offline-journey.ts [outDir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, phoneContext } from './browser';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
const out = process.argv[2] ?? '.tmp/shots';
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
const context = await phoneContext(browser, base);
const page = await context.newPage();
const posts: number[] = [];
page.on('response', async (r) => {
  if (r.request().method() !== 'POST' || !r.url().endsWith('/api/v1/dossiers')) return;
  posts.push(r.status());
  if (r.status() >= 400) console.log('POST /dossiers', r.status(), await r.text().catch(() => ''));
});
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
const next = () => page.getByRole('button', { name: /Tiếp tục/ }).click();
try {
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại').fill('0905000001');
  await page.getByLabel('Mật khẩu').fill('DemoDvc@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Xin chào,').waitFor();
  await page.goto('/nop/1.001612');
  await page.getByLabel('Tên hộ kinh doanh').fill(`Hộ kinh doanh Hoa Mai ${Date.now() % 100000}`);
  await next();
  await page.getByRole('searchbox').fill('tra bong');
  await page.getByRole('button', { name: 'Xã Trà Bồng' }).click();
  await page.getByLabel(/Số nhà/).fill('Thôn 2');
  await next();
  await page.getByRole('searchbox').fill('ban le do uong');
  await page.locator('.options .option').first().click();
  await next();
  await page.getByLabel('Vốn kinh doanh').fill('50000000');
  await page.getByLabel('Số lao động').fill('2');
  await next();
  await page.getByLabel('Số định danh cá nhân (CCCD)').fill('051085001234');
  await page.getByLabel('Ngày sinh').fill('1985-03-12');
  await page.getByText('Nam', { exact: true }).click();
  await page.getByLabel('Nơi thường trú').fill('Thôn 2, xã Trà Bồng, tỉnh Quảng Ngãi');
  await next();
  await page.getByText('Bước 6/9').waitFor();
  await next();
  await next();
  await page.getByText('Bước 8/9').waitFor();
  // A "photographed" paper: a small PNG made here (the upload shrinks photos and sends them over tus).
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const inputs = page.locator('input[type=file]');
  for (const i of [0, 1]) {
    await inputs.nth(i).setInputFiles({ name: `giay-to-${i}.png`, mimeType: 'image/png', buffer: png });
  }
  await page.getByText('Đã tải lên').nth(1).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(out, '09b-attachments.png'), fullPage: true });
  await next();
  await page.getByText('Bước 9/9').waitFor();
  await page.screenshot({ path: join(out, '10-review.png'), fullPage: true });
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ đang chờ gửi' }).waitFor();
  await page.screenshot({ path: join(out, '11-queued.png') });
  await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
  await page.getByText('Chờ gửi').first().waitFor();
  await page.screenshot({ path: join(out, '12-dossiers-offline.png') });
  await context.setOffline(false);
  await page.getByText('Đã gửi').or(page.getByText('Mới đăng ký')).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(out, '13-dossiers-online.png') });
  console.log('POST /dossiers statuses seen:', posts);
  const link = page.locator('a[href^="/ho-so/"]').first();
  await link.click();
  await page.getByText('Quá trình xử lý').waitFor();
  await page.screenshot({ path: join(out, '14-dossier-detail.png'), fullPage: true });
} catch (error) {
  await page.screenshot({ path: join(out, 'failure.png'), fullPage: true });
  throw error;
} finally {
  await browser.close();
}
