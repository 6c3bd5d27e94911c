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
  await fillBirthGroup(page);
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/group-form.png`, fullPage: true });
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

/** The birth group's one form, filled as a parent would: by the labels the definitions give. */
export async function fillBirthGroup(page: Page) {
  const block = (legend: string) =>
    page
      .locator('fieldset')
      .filter({ has: page.locator('legend', { hasText: legend }) })
      .first();
  const section = (title: string) =>
    page.locator('section.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

  const declarant = section('Người yêu cầu').or(section('Người kê khai')).first();
  await declarant.getByLabel('Số định danh cá nhân').fill('051090123456');
  await page.getByLabel('Quan hệ với người được khai sinh').selectOption({ label: 'Mẹ' });

  const child = section('Người được khai sinh');
  await child.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Minh An');
  await child.getByLabel('Ngày, tháng, năm sinh').fill('2026-11-20');
  await child.getByLabel('Nữ').check();
  await child.getByLabel('Dân tộc').fill('Kinh');
  await child.getByLabel('Nơi sinh').fill('Bệnh viện Đa khoa tỉnh Quảng Ngãi');
  await child.getByLabel('Quê quán').fill('Quảng Ngãi');

  const mother = section('Mẹ');
  await mother.getByLabel('Họ, chữ đệm và tên').fill('Trần Thị Bình');
  await mother.getByLabel('Ngày, tháng, năm sinh').fill('1990-05-12');
  await mother.getByLabel('Dân tộc').fill('Kinh');
  await mother.getByLabel('Số định danh cá nhân').fill('051190123457');
  await mother.getByLabel('Nơi cư trú').fill('12 Lê Lợi, phường Cẩm Thành, Quảng Ngãi');

  const residence = block('Địa chỉ nơi đăng ký thường trú');
  await residence.getByRole('searchbox').fill('cam thanh');
  await residence.getByRole('button', { name: 'Phường Cẩm Thành' }).click();
  await residence.getByRole('textbox').last().fill('12 Lê Lợi');
  const head = block('Chủ hộ');
  await head.getByLabel('Họ và tên chủ hộ').fill('Trần Văn Cường');
  await head.getByLabel('Số định danh cá nhân của chủ hộ').fill('051065123458');
  await head.getByLabel('Quan hệ của người đăng ký với chủ hộ').selectOption({ label: 'Cháu' });
  await block('Chủ hộ đồng ý cho đăng ký thường trú vào hộ').getByLabel('Có', { exact: true }).check();

  await page.getByLabel('Nơi đăng ký khám bệnh, chữa bệnh ban đầu').fill('Trạm y tế phường Cẩm Thành');
  await page.getByLabel('Thẻ điện tử trên ứng dụng VssID').check();
}
