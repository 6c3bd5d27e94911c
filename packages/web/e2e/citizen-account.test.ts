import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { type Citizen, newCitizen, signUpAndSignIn } from './citizen-journey';
import { ensureWebBuild, type RunningServer, SMS_CODE_INTERVAL_SECONDS, startServer } from './server';

/**
 * A citizen on a 390×844 phone edits the profile, changes the password (the laptop is signed out),
 * forgets it, sets a new one with the code of the SMS, and signs out of every device.
 */
let server: RunningServer;
let browser: Browser;
let phone: BrowserContext;
let laptop: BrowserContext;
let page: Page;
let other: Page;
let citizen: Citizen;
let signedUpAt = 0;
const errors: string[] = [];
const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'dvc-screenshots');

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    phone = await phoneContext(browser, server.baseURL);
    laptop = await phoneContext(browser, server.baseURL);
    page = await phone.newPage();
    other = await laptop.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    other.on('pageerror', (e) => errors.push(String(e)));
    citizen = newCitizen('Phan Thị Nhớ');
    mkdirSync(shots, { recursive: true });
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInOn(p: Page, password: string) {
  await p.goto('/dang-nhap');
  await p.getByLabel('Số điện thoại').fill(citizen.phone);
  await p.getByLabel('Mật khẩu').fill(password);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function latestCode(): Promise<string> {
  const outbox = (await (await fetch(`${server.baseURL}/api/dev/sms-outbox?phone=${citizen.phone}`)).json()) as {
    messages: { body: string }[];
  };
  const body = outbox.messages[0]?.body ?? '';
  assert.match(body, /mã đặt lại mật khẩu/);
  const code = body.match(/\b(\d{6})\b/)?.[1];
  assert.ok(code);
  return code;
}

const signedOutOn = async (p: Page) => {
  await p.goto('/tai-khoan');
  await p.getByText('Đăng nhập để nộp hồ sơ và xem hồ sơ của bạn.').waitFor();
};

test('profile and password change from the account page; the other device is signed out', { timeout: 240_000 }, async () => {
  await signUpAndSignIn(page, server.baseURL, citizen);
  signedUpAt = Date.now();
  await signInOn(other, citizen.password);
  await other.getByRole('heading', { name: `Xin chào, ${citizen.fullName}!` }).waitFor();

  await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('link', { name: 'Thông tin cá nhân' }).click();
  await page.getByRole('heading', { name: 'Thông tin cá nhân' }).waitFor();
  assert.equal(await page.getByLabel('Số điện thoại').inputValue(), citizen.phone);
  await page.getByLabel('E-mail (không bắt buộc)').fill('nho@');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await page.getByText('Địa chỉ e-mail không hợp lệ').waitFor();
  await page.getByLabel('Họ và tên').fill('Phan Thị Nhớ Mới');
  await page.getByLabel('E-mail (không bắt buộc)').fill('nho@example.vn');
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await page.getByText('Đã lưu thông tin.').waitFor();
  await page.screenshot({ path: join(shots, 'tai-khoan-thong-tin-390x844.png') });
  await page.getByRole('link', { name: 'Về trang tài khoản' }).click();
  await page.getByText('Phan Thị Nhớ Mới').waitFor();

  await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await page.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-1');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Doi2026moi');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Doi2026moi');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByText('Mật khẩu hiện tại không đúng').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(citizen.password);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByText('Đã đổi mật khẩu. Số thiết bị khác đã được đăng xuất: 1.').waitFor();
  await page.screenshot({ path: join(shots, 'tai-khoan-mat-khau-390x844.png') });
  await signedOutOn(other);
  citizen.password = 'Doi2026moi';
  assert.deepEqual(errors, []);
});

test('a forgotten password: code by SMS on /quen-mat-khau, new password, then sign in with it', {
  timeout: 120_000,
}, async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại').fill(citizen.phone);
  await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
  await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
  assert.equal(await page.getByLabel('Số điện thoại').inputValue(), citizen.phone, 'the number typed is carried over');
  await page.screenshot({ path: join(shots, 'quen-mat-khau-390x844.png') });
  // A phone gets one code per interval (the sign-up's counts): a new account waits out its first one.
  await page.waitForTimeout(Math.max(0, signedUpAt + (SMS_CODE_INTERVAL_SECONDS + 1) * 1000 - Date.now()));
  await page.getByRole('button', { name: 'Gửi mã qua SMS' }).click();
  const step2 = page.getByRole('heading', { name: 'Nhập mã và mật khẩu mới' });
  await step2.waitFor();
  assert.ok(await step2.evaluate((h) => h === document.activeElement), 'the focus moves to the new step');
  await page.getByText(/^Nếu số điện thoại đã đăng ký tài khoản/).waitFor();

  const code = await latestCode();
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Mã 6 chữ số trong tin nhắn').fill(wrong);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Quen2026lai');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Quen2026lai');
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await page.getByText('Mã không đúng hoặc đã hết hạn').first().waitFor();
  await page.getByLabel('Mã 6 chữ số trong tin nhắn').fill(code);
  await page.screenshot({ path: join(shots, 'quen-mat-khau-ma-390x844.png') });
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await page.getByText('Đã đặt mật khẩu mới. Mọi thiết bị đã được đăng xuất').waitFor();
  assert.equal(await page.getByLabel('Số điện thoại').inputValue(), citizen.phone);
  await page.getByLabel('Mật khẩu').fill(citizen.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Số điện thoại hoặc mật khẩu không đúng').waitFor();
  citizen.password = 'Quen2026lai';
  await page.getByLabel('Mật khẩu').fill(citizen.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Xin chào, Phan Thị Nhớ Mới!' }).waitFor();
  assert.deepEqual(errors, []);
});

test('sign out of every device: this phone and the laptop both', { timeout: 120_000 }, async () => {
  await signInOn(other, citizen.password);
  await other.getByRole('heading', { name: 'Xin chào, Phan Thị Nhớ Mới!' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('button', { name: 'Thoát tài khoản trên mọi thiết bị' }).click();
  await page.getByText(/Mọi điện thoại và máy tính đang đăng nhập tài khoản này sẽ bị đăng xuất/).waitFor();
  await page.screenshot({ path: join(shots, 'tai-khoan-dang-xuat-moi-noi-390x844.png') });
  await page.getByRole('button', { name: 'Xác nhận thoát trên mọi thiết bị' }).click();
  await page.getByText('Đã thoát tài khoản trên mọi thiết bị.').waitFor();
  await signedOutOn(page);
  await signedOutOn(other);
  assert.deepEqual(errors, []);
});
