import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { deskContext, scannedPdf, signInAsOfficer } from './officer-desk';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * The one-stop desk of phường Cẩm Thành on a 1280×800 screen: the receiver records a paper household
 * business dossier with one scanned PDF (received at once, receipt slip ready), assigns it to the
 * specialist, who proposes approval; the leader approves and resolves; the receiver hands the
 * result over at the counter. The timeline shows every step. Bình Sơn's receiver never sees it.
 */
let server: RunningServer;
let browser: Browser;
const errors: string[] = [];

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function officerPage(phone: string): Promise<Page> {
  const context = await deskContext(browser, server.baseURL);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await signInAsOfficer(page, phone);
  return page;
}

/** Runs one action of the dossier screen through its dialog and waits for the new state. */
async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, state: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText(`Đã thực hiện: ${action}.`).waitFor();
  await page.locator('.off-dossier-head .status').first().filter({ hasText: state }).waitFor();
}

test('a paper dossier from the counter to the result handed over', { timeout: 240_000 }, async () => {
  // The receiver records the paper dossier.
  const receiver = await officerPage('0905000011');
  await receiver.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
  await receiver.getByRole('heading', { name: 'Tiếp nhận hồ sơ giấy tại quầy' }).waitFor();
  const section = (title: string) =>
    receiver.locator('section.off-card', { has: receiver.getByRole('heading', { name: title, exact: true }) });

  const applicant = section('Người nộp hồ sơ');
  await applicant.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await applicant.getByLabel('Số điện thoại').fill('0912345678');
  await applicant.getByLabel(/Số định danh/).fill('051085123456');
  // Household-business procedures are online only since June 2023: the counter takes them as a special case.
  await applicant.getByLabel(/Lý do trường hợp đặc biệt/).fill('Người cao tuổi, không dùng điện thoại thông minh');

  await section('Thủ tục').getByLabel('Thủ tục').selectOption({ label: 'Đăng ký thành lập hộ kinh doanh (1.001612)' });
  await receiver.getByLabel('Tên hộ kinh doanh').fill('Hộ kinh doanh Hoa Mai');
  const place = section('Địa điểm kinh doanh');
  await place.getByRole('searchbox').fill('cam thanh');
  await place.getByRole('button', { name: 'Phường Cẩm Thành' }).click();
  await place.getByLabel(/Số nhà/).fill('12 Trần Hưng Đạo');
  const lines = section('Ngành, nghề kinh doanh');
  await lines.getByRole('searchbox').fill('tap hoa');
  await lines.locator('.options .option').first().click();
  await receiver.getByLabel('Vốn kinh doanh').fill('50000000');
  await receiver.getByLabel('Số lao động').fill('2');
  const owner = section('Chủ hộ kinh doanh');
  await owner.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await owner.getByLabel(/Số định danh/).fill('051085123456');
  await owner.getByLabel('Ngày sinh').fill('1985-03-04');
  await owner.getByText('Nam', { exact: true }).click();
  await owner.getByLabel('Dân tộc').fill('Kinh');
  await owner.getByLabel('Nơi thường trú').fill('Tổ 3, phường Cẩm Thành');
  await owner.getByLabel('Số điện thoại').fill('0912345678');

  await receiver
    .getByLabel(/Giấy đề nghị đăng ký hộ kinh doanh/)
    .setInputFiles({ name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: scannedPdf() });
  await receiver.getByText('Đã tải lên').waitFor({ timeout: 30_000 });
  await receiver.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

  await receiver.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
  const code = (await receiver.locator('.off-new-code').innerText()).trim();
  assert.match(code, /^UBND\.21025-\d{6}-\d{4}$/);
  const receipt = receiver.getByRole('link', { name: /In giấy tiếp nhận/ });
  const receiptUrl = await receipt.getAttribute('href');
  assert.equal(receiptUrl, `/api/v1/dossiers/${encodeURIComponent(code)}/documents/receipt`);
  const pdf = await receiver.request.get(receiptUrl ?? '');
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/);

  // It is in the inbox as received; the search ignores diacritics.
  await receiver.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await receiver.getByRole('tab', { name: /Đã tiếp nhận/ }).click();
  await receiver.getByRole('searchbox').fill('nguyen van an');
  const row = receiver.locator('.off-table tbody tr', { hasText: code });
  await row.waitFor();
  assert.match(await row.innerText(), /Đã tiếp nhận/);
  assert.match(await row.innerText(), /Trực tiếp/);
  await row.getByRole('link', { name: code }).click();

  await receiver.getByRole('heading', { name: code }).waitFor();
  assert.ok(await receiver.getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ }).isVisible());
  assert.ok(await receiver.getByRole('link', { name: /giay-de-nghi\.pdf/ }).isVisible());
  assert.ok(await receiver.getByText('Hộ kinh doanh Hoa Mai').isVisible());
  // The specialist is picked by name from the agency's active specialists.
  await act(
    receiver,
    'Phân công xử lý',
    async (d) => {
      await d.getByLabel('Chuyên viên xử lý').locator('option', { hasText: 'Lê Văn Cường' }).waitFor({ state: 'attached' });
      await d.getByLabel('Chuyên viên xử lý').selectOption({ label: 'Lê Văn Cường' });
    },
    'Đang xử lý',
  );

  // The specialist proposes approval.
  const specialist = await officerPage('0905000012');
  await specialist.goto(`/can-bo/ho-so/${encodeURIComponent(code)}`);
  await act(
    specialist,
    'Đề xuất kết quả',
    (d) => d.getByLabel(/Dự thảo kết quả/).fill('Cấp Giấy chứng nhận đăng ký hộ kinh doanh cho Hộ kinh doanh Hoa Mai.'),
    'Đang xử lý',
  );

  // The leader approves, then resolves.
  const leader = await officerPage('0905000013');
  await leader.goto(`/can-bo/ho-so/${encodeURIComponent(code)}`);
  await act(leader, 'Phê duyệt', async () => undefined, 'Đang xử lý');
  // The certificate is signed with the leader's credential: the dialog asks for the OTP of their SMS.
  await leader.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).click();
  const resolveDialog = leader.getByRole('dialog', { name: 'Hoàn thành xử lý' });
  await resolveDialog.getByRole('button', { name: 'Xác nhận' }).click();
  await resolveDialog.getByRole('button', { name: 'Gửi mã OTP' }).click();
  await resolveDialog.getByText(/Đã gửi mã OTP qua SMS/).waitFor();
  const sms = await (await leader.request.get('/api/dev/sms-outbox?phone=0905000013')).text();
  await resolveDialog.getByLabel('Mã OTP ký số (6 chữ số)').fill(/Ma OTP ky so[^:]*: (\d{6})/.exec(sms)?.[1] ?? '');
  await resolveDialog.getByRole('button', { name: 'Ký số và hoàn thành' }).click();
  await leader.getByText('Đã thực hiện: Hoàn thành xử lý.').waitFor();
  await leader.locator('.off-dossier-head .status').first().filter({ hasText: 'Đã xử lý xong' }).waitFor();

  // The receiver hands the result over at the counter.
  await receiver.reload();
  await act(receiver, 'Trả kết quả', (d) => d.getByLabel('Trả tại Bộ phận Một cửa').check(), 'Đã trả kết quả');
  const timeline = await receiver.locator('.off-timeline').innerText();
  for (const step of [
    'Ghi nhận hồ sơ tại quầy',
    'Tiếp nhận hồ sơ',
    'Phân công xử lý',
    'Đề xuất kết quả',
    'Phê duyệt',
    'Hoàn thành xử lý',
    'Trả kết quả',
  ]) {
    assert.ok(timeline.includes(step), `the timeline shows “${step}”`);
  }
  assert.equal(
    await receiver.getByRole('button', { name: 'Trả kết quả' }).count(),
    0,
    'no action left after the result is returned',
  );

  // Another commune's desk does not see it.
  const binhSon = await officerPage('0905000021');
  await binhSon.getByRole('searchbox').fill(code);
  await binhSon.getByText('Không có hồ sơ nào khớp.').waitFor();
  assert.equal(await binhSon.locator('.off-table tbody tr', { hasText: code }).count(), 0);

  assert.deepEqual(errors, []);
});
