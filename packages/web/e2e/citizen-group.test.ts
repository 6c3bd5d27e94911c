import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { photoPng } from './citizen-journey';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A parent files the birth group once from the phone — birth registration, permanent residence and
 * the child's health-insurance card — and then follows it as one group of three dossiers, each at
 * its own agency (commune People's Committee, commune police, social insurance).
 */
let server: RunningServer;
let browser: Browser;
let page: Page;

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    const context = await phoneContext(browser, server.baseURL);
    page = await context.newPage();
    const login = await page.request.post('/api/v1/auth/login', { data: { phone: '0905000001', password: 'DemoDvc@2026' } });
    assert.equal(login.status(), 200);
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('one filing of the birth group becomes three dossiers, followed as one group', { timeout: 180_000 }, async () => {
  await page.goto('/thu-tuc/1.001193');
  await page.getByRole('link', { name: /Nộp cả nhóm liên thông/ }).click();
  await page.getByRole('heading', { name: 'Nộp hồ sơ liên thông' }).waitFor();
  await page.getByLabel('Số định danh cá nhân (CCCD)').fill('051090123456');
  await page.getByRole('searchbox').fill('cam thanh');
  await page.getByRole('button', { name: 'Phường Cẩm Thành' }).click();
  const inputs = page.locator('input[type=file]');
  const count = await inputs.count();
  assert.ok(count >= 5, `one picker per paper of the three procedures (${count})`);
  for (let i = 0; i < count; i++) {
    await inputs.nth(i).setInputFiles({ name: `giay-to-${i + 1}.png`, mimeType: 'image/png', buffer: photoPng(i + 10) });
  }
  await page
    .getByText('Đã tải lên')
    .nth(count - 1)
    .waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Nộp cả nhóm hồ sơ' }).click();

  await page.getByRole('heading', { name: 'Nhóm thủ tục liên thông' }).waitFor({ timeout: 30_000 });
  await page.getByText('Đang giải quyết').waitFor();
  for (const code of [/BHXH-\d{6}-\d{4}/, /CA\.21025-\d{6}-\d{4}/, /UBND\.21025-\d{6}-\d{4}/])
    await page.getByText(code).waitFor();

  await page.goto('/ho-so');
  await page.getByText(/Nhóm thủ tục liên thông \(3 hồ sơ\)/).waitFor();
});
