import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { type Citizen, fillHouseholdBusiness, newCitizen, signUpAndSignIn } from './citizen-journey';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen files from the phone, reads the dossier code on the dossier page, signs out and looks
 * the dossier up on /tra-cuu as anyone could, with the code and the last 4 digits of the phone;
 * then signs in again and withdraws it from the dossier page.
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let citizen: Citizen;
let dossierCode: string | undefined;
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
    citizen = newCitizen('Võ Thị Hạnh');
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('file, read the code, sign out, look it up with the last 4 digits of the phone', { timeout: 240_000 }, async () => {
  await signUpAndSignIn(page, server.baseURL, citizen);
  await fillHouseholdBusiness(page, `Hộ kinh doanh Hạnh Tra Cứu ${Date.now() % 100000}`);
  // The review step counts each paper's files.
  assert.equal(await page.getByText('1 tệp', { exact: true }).count(), 2);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor({ timeout: 30_000 });
  // The confirmation and the dossier page give the appointment before the office receives it.
  await page.getByText('Ngày hẹn trả dự kiến:').waitFor();
  await page.getByText('Bước tiếp theo').waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Hồ sơ' }).click();
  const codeLine = page.getByText(/^Mã hồ sơ: /);
  await codeLine.waitFor();
  await page.getByText('Ngày hẹn trả (dự kiến)').waitFor();
  dossierCode = (await codeLine.innerText()).replace(/^Mã hồ sơ:\s*/, '').trim();
  assert.match(dossierCode, /^UBND\.\d+-\d{6}-\d{4}$/);

  await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('link', { name: 'Đăng nhập' }).first().waitFor();

  await page.goto('/');
  // Help on the home page: the help line, the centre's desk with its hours, the usual questions.
  const help = page.getByRole('region', { name: 'Hỗ trợ' });
  await help.getByRole('link', { name: /^0255/ }).waitFor();
  await help
    .getByText(/Giờ làm việc: 07:30–11:30, 13:30–17:00/)
    .first()
    .waitFor();
  assert.ok((await help.locator('details').count()) >= 3, 'the usual questions');
  await page.getByRole('link', { name: /Tra cứu hồ sơ bằng mã/ }).click();
  await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
  await page.getByLabel('Mã hồ sơ').fill(dossierCode.toLowerCase());
  const last4 = citizen.phone.slice(-4);
  const wrong = last4 === '0000' ? '1111' : '0000';
  await page.getByLabel('4 số cuối điện thoại người nộp').fill(wrong);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await page.getByText('Không tìm thấy hồ sơ').waitFor();
  assert.equal(await page.getByText('Mới đăng ký').count(), 0, 'nothing shown for wrong digits');

  await page.getByLabel('4 số cuối điện thoại người nộp').fill(last4);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await page.getByText('Mới đăng ký').waitFor();
  await page.getByText(`Mã hồ sơ: ${dossierCode}`).waitFor();
  await page.getByText('Ngày nộp').waitFor();
  await page.getByText(/Nộp lệ phí 50\.000/).waitFor();
  const shown = await page.getByRole('main').innerText();
  assert.equal(shown.includes(citizen.fullName), false, 'no name of the filer');
  assert.equal(shown.includes(citizen.phone), false, 'no phone of the filer');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'tra-cuu-result-390x844.png') });
  await page.screenshot({ path: join(shots, 'tra-cuu-full.png'), fullPage: true });
  const heading = page.getByRole('heading', { name: 'Đăng ký thành lập hộ kinh doanh' });
  assert.ok(await heading.evaluate((h) => h === document.activeElement), 'the answer takes the focus');

  // The receipt's QR code opens the page with the code filled in: only the digits are asked.
  await page.goto(`/tra-cuu?ma=${encodeURIComponent(dossierCode)}`);
  assert.equal(await page.getByLabel('Mã hồ sơ').inputValue(), dossierCode);
  await page.screenshot({ path: join(shots, 'tra-cuu-390x844.png') });
  await page.goto('/dang-nhap');
  await page.getByRole('link', { name: 'Tra cứu hồ sơ không cần đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
  assert.deepEqual(errors, []);
});

test('the citizen withdraws the dossier from its page, once however often tapped', { timeout: 120_000 }, async () => {
  assert.ok(dossierCode, 'the dossier filed by the previous test');
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại').fill(citizen.phone);
  await page.getByLabel('Mật khẩu').fill(citizen.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: `Xin chào, ${citizen.fullName}!` }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ' }).click();
  await page.getByRole('link', { name: new RegExp(dossierCode.replace(/\./g, '\\.')) }).click();
  await page.getByText(`Mã hồ sơ: ${dossierCode}`).waitFor();

  await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Rút hồ sơ này?' }).waitFor();
  await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
  await page.getByText('Vui lòng nêu lý do rút hồ sơ').waitFor();
  await page.getByLabel('Lý do rút hồ sơ').fill('Đổi địa điểm kinh doanh');
  await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).dblclick();
  await page.locator('.status').getByText('Công dân yêu cầu rút hồ sơ').waitFor();
  await page.getByText('Yêu cầu rút hồ sơ', { exact: true }).waitFor();
  assert.equal(await page.getByText('Yêu cầu rút hồ sơ', { exact: true }).count(), 1, 'one request in the history');
  assert.equal(await page.getByRole('button', { name: 'Rút hồ sơ' }).count(), 0, 'no second withdrawal to ask for');
  assert.equal(await page.locator('[role=alert]').count(), 0, 'the double tap shows no error');
  assert.deepEqual(errors, []);
});
