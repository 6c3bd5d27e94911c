import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { fillHouseholdBusiness, newCitizen, signUpAndSignIn, waitForServiceWorker } from './citizen-journey';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen on a 390×844 touch phone signs up, files a household business registration with
 * photographed papers, loses the network before pressing submit, closes the app and opens it again
 * still offline, then the network comes back: the dossier reaches the office exactly once, counted
 * as a smartphone filing. Then they pay its fee through the payment sandbox.
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];
let created: string[] = []; // POST /api/v1/dossiers answered 201, on any page of the phone
let dossierCode: string | undefined;
const shots = process.env.E2E_SHOTS_DIR;

/** Every POST /api/v1/dossiers answered 201, on any page of this phone. */
function countCreated(context: BrowserContext): string[] {
  const created: string[] = [];
  context.on('response', (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/dossiers' && r.status() === 201) {
      created.push(r.url());
    }
  });
  return created;
}

function watch(page: Page) {
  page.on('pageerror', (e) => errors.push(String(e)));
}

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    context = await phoneContext(browser, server.baseURL);
    created = countCreated(context);
    if (shots) mkdirSync(shots, { recursive: true });
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('filed offline, app reopened offline, sent exactly once when the network is back', { timeout: 240_000 }, async () => {
  let page = await context.newPage();
  watch(page);
  await signUpAndSignIn(page, server.baseURL, newCitizen('Phạm Thị Hoa'));
  // The app must be installed in the service worker before the network goes away.
  await waitForServiceWorker(page);
  await fillHouseholdBusiness(page, `Hộ kinh doanh Hoa Mai ${Date.now() % 100000}`);

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ đang chờ gửi' }).waitFor({ timeout: 30_000 });

  // "Reopen": the app is closed and started again from the home screen, still without network.
  await page.close();
  page = await context.newPage();
  watch(page);
  await page.goto('/ho-so');
  await page.getByText('Chờ gửi').first().waitFor({ timeout: 30_000 });
  await page.getByText(/Sẽ tự gửi khi có mạng/).waitFor();
  assert.equal(created.length, 0, 'nothing reached the server while offline');

  await context.setOffline(false);
  const sent = page.locator('a.list-item[href^="/ho-so/"]:not([href^="/ho-so/cho-gui/"])');
  await sent.first().waitFor({ timeout: 60_000 });
  await page.getByText('Chờ gửi').waitFor({ state: 'detached', timeout: 30_000 });

  const mine = await page.request.get('/api/v1/dossiers?mine=true');
  assert.equal(mine.status(), 200);
  const { items } = (await mine.json()) as { items: { code: string; channel: string; procedureCode: string }[] };
  assert.equal(items.length, 1, 'exactly one dossier on the server');
  assert.equal(items[0]?.procedureCode, '1.001612');
  assert.equal(items[0]?.channel, 'mobile', 'counted as a smartphone filing');
  assert.equal(created.length, 1, 'one POST /api/v1/dossiers answered 201');
  assert.equal(await sent.count(), 1, 'the list shows it once');
  dossierCode = items[0]?.code;
  assert.deepEqual(errors, []);
  await page.close();
});

test('the citizen pays the fee online through the sandbox gateway', { timeout: 120_000 }, async () => {
  assert.ok(dossierCode, 'the dossier filed by the previous test');
  const page = await context.newPage();
  watch(page);
  await page.goto(`/ho-so/${dossierCode}`);
  const pay = page.getByRole('button', { name: 'Thanh toán trực tuyến 50.000 đ' });
  await pay.waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'dossier-pay.png') });

  // Bank transfer instead: the VietQR payload drawn as a QR code, the transfer content beside it.
  await page.getByRole('button', { name: 'Chuyển khoản bằng mã VietQR' }).click();
  const qr = page.getByRole('img', { name: 'Mã VietQR chuyển khoản 50.000 đ' });
  await qr.waitFor();
  assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100));
  await page.getByText('Nội dung chuyển khoản', { exact: true }).waitFor();
  if (shots) {
    await qr.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'dossier-vietqr.png') });
  }

  await pay.click();

  // The gateway's own page (the built-in sandbox): amount, then "Thanh toán".
  await page.waitForURL(/\/sandbox\/vnpay\/pay/);
  await page.getByText('50.000 đ').waitFor();
  await page.getByRole('link', { name: 'Thanh toán', exact: true }).click();

  await page.waitForURL(new RegExp(`/ho-so/${dossierCode}\\?thanh-toan=ok`));
  const paid = page.getByRole('status').filter({ hasText: 'Đã thanh toán' });
  await paid.waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: /Biên lai \(PDF\)/ }).waitFor();
  assert.equal(await pay.count(), 0, 'no second payment offered');

  const receipt = await page.getByRole('link', { name: /Biên lai \(PDF\)/ }).getAttribute('href');
  assert.ok(receipt);
  const pdf = await page.request.get(receipt);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  if (shots) await page.screenshot({ path: join(shots, 'dossier-paid.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('the bell counts unread notifications; opening one marks it read and shows its dossier', { timeout: 90_000 }, async () => {
  assert.ok(dossierCode, 'the dossier filed by the first test');
  const page = await context.newPage();
  watch(page);
  // The notification outbox delivers in the background: wait until the filing's notice is there.
  let unread = 0;
  for (let i = 0; i < 60 && unread === 0; i++) {
    const r = await page.request.get('/api/v1/notifications');
    unread = ((await r.json()) as { unreadCount: number }).unreadCount;
    if (unread === 0) await new Promise((res) => setTimeout(res, 500));
  }
  assert.ok(unread > 0, 'the filing produced an unread notification');

  await page.goto('/');
  // The count may grow meanwhile (the fee receipt's notice arrives asynchronously).
  const bell = page.getByRole('link', { name: /^Thông báo, \d+ chưa đọc$/ });
  await bell.waitFor();
  await bell.click();
  await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
  const first = page.locator('a.notif.unread').filter({ hasText: dossierCode }).first();
  await first.waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'notifications.png') });
  type Listed = { items: { id: number; dossierCode: string | null; readAt: string | null }[] };
  const listed = (await (await page.request.get('/api/v1/notifications')).json()) as Listed;
  const candidates = listed.items.filter((n) => n.dossierCode === dossierCode && !n.readAt).map((n) => n.id);
  await first.click();
  await page.waitForURL(new RegExp(`/ho-so/${dossierCode}$`));
  await page.getByText(`Mã hồ sơ: ${dossierCode}`).waitFor();
  // Other notices (the fee receipt…) may arrive meanwhile: check the opened one, not the count.
  const after = (await (await page.request.get('/api/v1/notifications')).json()) as Listed;
  assert.ok(
    after.items.some((n) => candidates.includes(n.id) && n.readAt !== null),
    'the notification opened is now read',
  );
  await page
    .getByRole('link', { name: /^Thông báo/ })
    .first()
    .waitFor();

  // Chromium has PushManager: the account page offers push on this phone (subscribing needs a push service).
  await page.goto('/tai-khoan');
  await page.getByRole('switch', { name: 'Nhận thông báo trên điện thoại' }).waitFor();
  assert.deepEqual(errors, []);
});

/**
 * Another citizen fills a household business registration, loses the network on the papers step and
 * photographs the papers anyway, submits ("Chờ gửi"), closes the app and opens it again still
 * offline. When the network is back the outbox uploads the photos first and then sends the
 * dossier: exactly one dossier reaches the office, with the photographed papers attached.
 */
test('papers photographed offline travel with the dossier and reach the server before it, once', {
  timeout: 240_000,
}, async () => {
  // A phone of its own: another citizen, and its own count of dossiers created.
  const context = await phoneContext(browser, server.baseURL);
  const created = countCreated(context);
  let page = await context.newPage();
  watch(page);
  await signUpAndSignIn(page, server.baseURL, newCitizen('Đinh Văn Tùng'));
  await waitForServiceWorker(page);
  await fillHouseholdBusiness(page, `Hộ kinh doanh Tùng Lâm ${Date.now() % 100000}`, {
    beforePhotos: () => context.setOffline(true),
  });

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ đang chờ gửi' }).waitFor({ timeout: 30_000 });

  // "Reopen": the app is closed and started again, still without network.
  await page.close();
  page = await context.newPage();
  watch(page);
  await page.goto('/ho-so');
  await page.getByText('Chờ gửi').first().waitFor({ timeout: 30_000 });
  await page.locator('a.list-item[href^="/ho-so/cho-gui/"]').first().click();
  await page.getByText('2 tệp giấy tờ sẽ được tải lên trước, rồi hồ sơ mới được gửi.').waitFor();
  await page.goto('/ho-so');
  await page.getByText('Chờ gửi').first().waitFor({ timeout: 30_000 });
  assert.equal(created.length, 0, 'nothing reached the server while offline');

  await context.setOffline(false);
  const sent = page.locator('a.list-item[href^="/ho-so/"]:not([href^="/ho-so/cho-gui/"])');
  await sent.first().waitFor({ timeout: 90_000 });
  await page.getByText('Chờ gửi').waitFor({ state: 'detached', timeout: 30_000 });

  const mine = await page.request.get('/api/v1/dossiers?mine=true');
  assert.equal(mine.status(), 200);
  const { items } = (await mine.json()) as { items: { code: string; procedureCode: string }[] };
  assert.equal(items.length, 1, 'exactly one dossier on the server');
  assert.equal(created.length, 1, 'one POST /api/v1/dossiers answered 201');
  assert.equal(await sent.count(), 1, 'the list shows it once');

  const detail = await page.request.get(`/api/v1/dossiers/${items[0]?.code}`);
  assert.equal(detail.status(), 200);
  const { attachments } = (await detail.json()) as {
    attachments: { componentId: string; fileId: string; fileName: string; mediaType: string }[];
  };
  assert.equal(attachments.length, 2, 'both photographed papers are attached, once each');
  assert.equal(new Set(attachments.map((a) => a.componentId)).size, 2);
  for (const a of attachments) {
    assert.match(a.fileId, /^[0-9a-f]{64}$/);
    assert.match(a.fileName, /^anh-giay-to-\d\.png$/);
    assert.equal(a.mediaType, 'image/png');
  }
  assert.deepEqual(errors, []);
  await context.close();
});
