import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen on a phone: signs up, reads the code from the dev SMS outbox, signs in, searches
 * "ho kinh doanh" without diacritics, opens the household business registration and sees what it
 * costs (online cheaper than at the counter) and which papers are mandatory.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    const context = await phoneContext(browser, server.baseURL);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('sign up with a phone, verify the SMS code, sign in, find and read a procedure', { timeout: 120_000 }, async () => {
  const phone = `0906${String(Date.now()).slice(-6)}`;
  await page.goto('/dang-ky');
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByLabel('Họ và tên').fill('Hồ Thị Lan');
  await page.getByLabel('Mật khẩu').fill('Lan2026abc');
  // The sign-up notice: no account without consent (issue 20).
  await page.getByLabel('Tôi đã đọc và đồng ý cho xử lý dữ liệu tài khoản như trên').check();
  await page.getByRole('button', { name: 'Đăng ký' }).click();

  await page.getByRole('heading', { name: 'Nhập mã xác thực' }).waitFor();
  // The dev hint appears because the server's SMS outbox answers 200 in development.
  const smsOutbox = (await (await fetch(`${server.baseURL}/api/dev/sms-outbox?phone=${phone}`)).json()) as {
    messages: { body: string }[];
  };
  const code = smsOutbox.messages[0]?.body.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code, 'the SMS outbox holds a 6-digit code');
  await page.getByRole('button', { name: `Dùng mã ${code}` }).waitFor();
  await page.getByLabel('Mã 6 chữ số').fill(code);
  await page.getByRole('button', { name: 'Xác thực' }).click();

  await page.getByText('Đã xác thực số điện thoại').waitFor();
  assert.equal(await page.getByLabel('Số điện thoại').inputValue(), phone);
  await page.getByLabel('Mật khẩu').fill('Lan2026abc');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Xin chào, Hồ Thị Lan!' }).waitFor();

  await page.getByRole('navigation').getByRole('link', { name: 'Thủ tục', exact: true }).click();
  await page.getByRole('searchbox').fill('ho kinh doanh');
  const result = page.getByRole('link', { name: /Đăng ký thành lập hộ kinh doanh/ });
  await result.waitFor();
  await result.click();

  await page.getByRole('heading', { name: 'Đăng ký thành lập hộ kinh doanh' }).waitFor();
  const online = page.locator('.fee-box.online');
  assert.match((await online.innerText()).replace(/\s+/g, ' '), /Nộp trực tuyến 50\.000 đ Giảm 50%/);
  assert.match((await page.locator('.fee-box:not(.online)').innerText()).replace(/\s+/g, ' '), /Nộp tại quầy 100\.000 đ/);
  const mandatory = page.locator('.components li.mandatory');
  assert.ok((await mandatory.count()) >= 2);
  assert.match(await mandatory.first().innerText(), /Bắt buộc\s+Giấy đề nghị đăng ký hộ kinh doanh/);
  assert.ok(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).isVisible());
  // Big enough to hit with a thumb.
  const box = await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).boundingBox();
  assert.ok(box && box.height >= 44);
  assert.deepEqual(errors, []);
});
