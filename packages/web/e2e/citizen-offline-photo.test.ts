import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { fillHouseholdBusiness, newCitizen, signUpAndSignIn, waitForServiceWorker } from './citizen-journey';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen fills a household business registration, loses the network on the papers step and
 * photographs the papers anyway, submits ("Chờ gửi"), closes the app and opens it again still
 * offline. When the network is back the outbox uploads the photos first and then sends the
 * dossier: exactly one dossier reaches the office, with the photographed papers attached.
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];
const created: string[] = []; // POST /api/v1/dossiers answered 201, on any page of the phone

function watch(page: Page) {
  page.on('pageerror', (e) => errors.push(String(e)));
}

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    context = await phoneContext(browser, server.baseURL);
    context.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/dossiers' && r.status() === 201) {
        created.push(r.url());
      }
    });
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('papers photographed offline travel with the dossier and reach the server before it, once', {
  timeout: 240_000,
}, async () => {
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
  await page.close();
});
