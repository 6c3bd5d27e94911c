import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { fillHouseholdBusiness, newCitizen, signUpAndSignIn, waitForServiceWorker } from './citizen-journey';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * A citizen fills the household business registration on the phone and it waits in the outbox
 * (no network). Meanwhile the procedure gets a new version with a new required field. Back online,
 * the phone says "Thủ tục đã thay đổi"; the citizen reopens the form, finds what they typed, fills
 * the new field and files: nothing is lost. The new version is saved by a province administrator
 * through the catalog administration API (another person, on another device).
 */
const PASSWORD = 'DemoDvc@2026';
const log = (what: string) => process.env.E2E_SCREENSHOTS && console.log(new Date().toISOString(), what);
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    context = await phoneContext(browser, server.baseURL);
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What an administrator does: the same procedure with one more required field on the capital step. */
async function publishVersionWithPremisesArea(): Promise<number> {
  const login = await fetch(`${server.baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '0905000091', password: PASSWORD }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const current = (await (await fetch(`${server.baseURL}/api/v1/procedures/1.001612`)).json()) as {
    definition: { form: { steps: Array<{ id: string; fields: unknown[] }> } };
  };
  const definition = structuredClone(current.definition);
  const step = definition.form.steps.find((s) => s.id === 'von');
  assert.ok(step, 'the capital step');
  step.fields.push({
    key: 'premisesArea',
    type: 'number',
    label: { vi: 'Diện tích mặt bằng kinh doanh (m²)', en: 'Premises area (m²)' },
    params: { integer: true, min: 1 },
  });
  const saved = await fetch(`${server.baseURL}/api/v1/admin/procedures/1.001612`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(definition),
  });
  assert.equal(saved.status, 201, await saved.clone().text());
  return ((await saved.json()) as { version: number }).version;
}

test('a form queued under an old version is reopened on the new one, values kept, and filed', { timeout: 300_000 }, async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUpAndSignIn(page, server.baseURL, newCitizen('Lê Văn Tâm'));
  await waitForServiceWorker(page);
  const businessName = `Hộ kinh doanh Tâm An ${Date.now() % 100000}`;
  await fillHouseholdBusiness(page, businessName);

  log('await context.setOffline(true)');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('heading', { name: 'Hồ sơ đang chờ gửi' }).waitFor({ timeout: 30_000 });

  log('const version = await publish');
  const version = await publishVersionWithPremisesArea();
  assert.equal(version, 2);

  log('await context.setOffline(false');
  await context.setOffline(false);
  await page.goto('/ho-so');
  await page.locator('a.list-item[href^="/ho-so/cho-gui/"]').first().click();
  await page.getByText('Thủ tục đã thay đổi').first().waitFor({ timeout: 60_000 });
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/procedure-changed.png` });
  await page
    .getByRole('button', { name: 'Mở biểu mẫu mới' })
    .or(page.getByRole('link', { name: 'Mở biểu mẫu mới' }))
    .click();

  log('// The wizard opens');
  // The wizard opens on the step with the new field; what was typed is still there.
  const area = page.getByLabel('Diện tích mặt bằng kinh doanh (m²)');
  await area.waitFor({ timeout: 30_000 });
  await page.getByText('Thủ tục đã thay đổi').first().waitFor();
  assert.equal(await page.getByLabel('Vốn kinh doanh').inputValue(), '50.000.000');
  assert.equal(await page.getByLabel('Số lao động').inputValue(), '2');
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/procedure-changed-wizard.png` });
  log("await area.fill('30');");
  await area.fill('30');

  const next = page.getByRole('button', { name: /Tiếp tục/ });
  for (let i = 0; i < 9 && !(await page.getByText('Bước 9/9').isVisible()); i++) await next.click();
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/procedure-changed-last.png` });
  await page.getByText('Bước 9/9').waitFor({ timeout: 10_000 });
  await page.getByText(businessName).first().waitFor();
  log("await page.getByRole('button',");
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = page.getByText(/UBND\.21\d{3}-\d{6}-\d{4}/).first();
  await code.waitFor({ timeout: 60_000 });

  const mine = await page.request.get('/api/v1/dossiers?mine=true');
  const { items } = (await mine.json()) as { items: { code: string; procedureCode: string }[] };
  assert.equal(items.length, 1, 'one dossier, filed once');
  assert.match((await code.textContent()) ?? '', new RegExp(items[0]!.code.replace(/\./g, '\\.')));
  const detail = await page.request.get(`/api/v1/dossiers/${items[0]!.code}`);
  const body = (await detail.json()) as { procedureVersion?: number; form?: Record<string, unknown> };
  assert.equal(body.procedureVersion, 2, 'filed under the new version');
  assert.equal(body.form?.premisesArea, 30);
  assert.equal(body.form?.businessName, businessName);
  assert.deepEqual(errors, []);
});
