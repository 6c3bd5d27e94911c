import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * The assistant on a phone (issue 19 point 3): opened from the home page's top bar, asked in a
 * citizen's words without diacritics, it answers with its source and the link to file; after a
 * reload the conversation is still there (kept on the device).
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'dvc-screenshots');

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    context = await phoneContext(browser, server.baseURL);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('ask the assistant from the home page, see the source and "Nộp hồ sơ", reload and find the conversation', {
  timeout: 120_000,
}, async () => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Hỗ trợ' }).waitFor();
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'assistant-home-390x844.png') });
  await page.getByRole('button', { name: /^Trợ lý/ }).click();
  const panel = page.getByRole('dialog', { name: 'Trợ lý dịch vụ công' });
  await panel.waitFor();
  const question = panel.getByLabel('Câu hỏi của bạn');
  assert.equal(await question.evaluate((el) => el === document.activeElement), true, 'the question box takes the focus');
  await question.fill('le phi dang ky ho kinh doanh bao nhieu');
  await question.press('Enter');

  const log = panel.getByRole('log');
  await log.getByText(/Lệ phí "Đăng ký thành lập hộ kinh doanh" là 100\.000/).waitFor({ timeout: 15_000 });
  await log.getByText(/Nguồn: Thủ tục 1\.001612: Lệ phí/).waitFor();
  const file = log.getByRole('link', { name: 'Nộp hồ sơ' });
  await file.waitFor();
  assert.match((await file.getAttribute('href')) ?? '', /^\/dang-nhap\?next=%2Fnop%2F1\.001612/, 'signed out: sign in first');
  await page.screenshot({ path: join(shots, 'assistant-panel-390x844.png') });

  await page.reload();
  await page.getByRole('button', { name: /^Trợ lý/ }).click();
  await panel.waitFor();
  await log.getByText('le phi dang ky ho kinh doanh bao nhieu').waitFor();
  await log.getByText(/100\.000/).waitFor();

  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup')),
    'dialog',
    'closing gives the focus back to the button',
  );
  assert.deepEqual(errors, []);
});
