// Phone-sized screenshots of the main screens, for looking at them (not a test).
// Usage: BASE_URL=http://127.0.0.1:3100 node --import tsx packages/web/e2e/screenshots.ts [outDir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, phoneContext } from './browser';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
const out = process.argv[2] ?? '.tmp/shots';
mkdirSync(out, { recursive: true });

const browser = await launchBrowser();
try {
  const context = await phoneContext(browser, base);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  const shot = async (name: string, fullPage = false) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage });
    console.log('shot', name);
  };
  await page.goto('/');
  await page.getByText('Lĩnh vực').waitFor();
  await shot('01-home');
  await page.goto('/thu-tuc');
  await page.getByRole('searchbox').fill('ho kinh doanh');
  await page.getByText('Đăng ký thành lập hộ kinh doanh').waitFor();
  await shot('02-search');
  await page.getByText('Đăng ký thành lập hộ kinh doanh').click();
  await page.getByText('Giấy tờ cần chuẩn bị').waitFor();
  await shot('03-procedure');
  await shot('03b-procedure-full', true);
  await page.goto('/dang-nhap');
  await page.getByLabel('Số điện thoại').fill('0905000001');
  await page.getByLabel('Mật khẩu').fill('DemoDvc@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Xin chào,').waitFor();
  await shot('04-home-signed-in');
  await page.goto('/nop/1.001612');
  await page.getByText('Bước 1/9').waitFor();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await shot('05-wizard-name-error');
  await page.getByLabel('Tên hộ kinh doanh').fill('Hộ kinh doanh Hoa Mai');
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.getByText('Bước 2/9').waitFor();
  await page.getByRole('searchbox').fill('tra bong');
  await page.getByRole('button', { name: 'Xã Trà Bồng' }).click();
  await page.getByLabel(/Số nhà/).fill('Thôn 2');
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.getByText('Bước 3/9').waitFor();
  await page.getByRole('searchbox').fill('tap hoa');
  await page.waitForTimeout(300);
  await shot('06-wizard-vsic');
  const first = page.locator('.options .option').first();
  if (await first.count()) await first.click();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.getByText('Bước 4/9').waitFor();
  await page.getByLabel('Vốn kinh doanh').fill('50000000');
  await shot('07-wizard-capital');
  await page.goto('/ho-so');
  await page.waitForTimeout(800);
  await shot('08-my-dossiers');
  await page.goto('/tai-khoan');
  await shot('09-account');
} catch (error) {
  const pages = browser.contexts().flatMap((c) => c.pages());
  await pages[0]?.screenshot({ path: join(out, 'failure.png'), fullPage: true });
  throw error;
} finally {
  await browser.close();
}
