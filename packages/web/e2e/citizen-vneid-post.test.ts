import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen signs in with VNeID (the local stand-in) and files a household business registration on
 * the phone: the owner's name, birth date and sex come from the verified identity and cannot be
 * changed, the ID copy is "Đã xác thực qua VNeID — không cần nộp", and with the result by post the
 * review step shows the postage before filing.
 */
let server: RunningServer;
let browser: Browser;
const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'dvc-screenshots');

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  },
  { timeout: 180_000 },
);
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('VNeID fills and locks the owner, waives the ID copy, and the review shows the postage', { timeout: 180_000 }, async () => {
  const page = await (await phoneContext(browser, server.baseURL)).newPage();
  await page.goto('/api/v1/auth/vneid/start');
  await page.fill('input[name="login"]', '051085000456');
  await page.fill('input[name="password"]', 'bat-ky');
  await Promise.all([page.waitForURL(/\/dev-vneid\/interaction\//), page.click('button[type="submit"]')]);
  await Promise.all([page.waitForURL(/\/ho-so$/), page.click('button[type="submit"]')]);

  const next = () => page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.goto('/nop/1.001612');
  await page.getByLabel('Tên hộ kinh doanh').fill('Hộ kinh doanh Bánh xèo Cô Ba');
  await next();
  await page.getByRole('searchbox').fill('tra bong');
  await page.getByRole('button', { name: 'Xã Trà Bồng' }).click();
  await page.getByLabel(/Số nhà/).fill('Thôn 2');
  await page.getByText(/Tên này hợp lệ/).waitFor({ timeout: 15_000 });
  await next();
  await page.getByRole('searchbox').fill('ban le do uong');
  await page.locator('.options .option').first().click();
  await next();
  await page.getByLabel('Vốn kinh doanh').fill('50000000');
  await page.getByLabel('Số lao động').fill('2');
  await next();

  await page.getByText('Bước 5/9').waitFor();
  const name = page.getByLabel('Họ và tên');
  assert.equal(await name.inputValue(), 'Nguyễn Văn An');
  assert.equal(await name.getAttribute('readonly'), '', 'the verified name cannot be typed over');
  assert.equal(await page.getByLabel('Ngày sinh').inputValue(), '12/03/1985');
  assert.equal(await page.getByLabel('Số định danh cá nhân').inputValue(), '051085000456');
  await page.screenshot({ path: join(shots, 'vneid-owner-locked.png') });
  await page.getByLabel('Dân tộc').fill('Kinh');
  await next();
  await page.getByText('Bước 6/9').waitFor();
  await next();
  await page.getByText('Qua dịch vụ bưu chính', { exact: true }).click();
  await page.getByLabel(/Địa chỉ nhận kết quả/).fill('12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi');
  await next();

  await page.getByText('Bước 8/9').waitFor();
  await page.getByText('Đã xác thực qua VNeID — không cần nộp').waitFor();
  assert.equal(await page.locator('input[type=file]').count(), 3, 'no upload for the waived ID copy');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page.locator('input[type=file]').first().setInputFiles({ name: 'de-nghi.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByText('Đã tải lên').first().waitFor({ timeout: 60_000 });
  await next();

  await page.getByText('Bước 9/9').waitFor();
  await page.getByText(/22\.000\s*đ — Nội tỉnh/).waitFor();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByText('Đã nộp hồ sơ').first().waitFor({ timeout: 30_000 });
});
