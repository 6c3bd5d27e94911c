import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser';
import { fillHouseholdBusiness, newCitizen, signUpAndSignIn, waitForServiceWorker } from './citizen-journey';
import { DEMO_PASSWORD, deskContext, signInAsOfficer } from './officer-desk';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * The app under its security headers (CSP without inline script, no framing, camera for our own
 * pages only): the citizen app — sign-up, a filing with photos of papers, the service worker —, the
 * officer console, the reports with their charts and the API docs all work in Chromium, and not one
 * Content Security Policy violation or page error happens on the way.
 */
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

before(
  async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
  },
  { timeout: 240_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every CSP violation (the DOM event, in every frame) and page error of the context lands in `problems`. */
async function watched(context: BrowserContext, label: string): Promise<Page> {
  await context.exposeBinding('__reportViolation', (_source, text: string) => problems.push(`${label}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation;
      report(`CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${label}: page error ${e.message}`));
  page.on('console', (m) => {
    // Chromium reports refusals as errors and header mistakes (an unknown feature) as warnings.
    if (/Content[- ]Security[- ]Policy|Permissions[- ]Policy/i.test(m.text())) {
      problems.push(`${label}: console ${m.text()}`);
    }
  });
  return page;
}

test('the headers are on the app and a violation would be seen', { timeout: 60_000 }, async () => {
  const context = await phoneContext(browser, server.baseURL);
  const page = await watched(context, 'probe');
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  assert.match(headers['content-security-policy'] ?? '', /script-src 'self';/);
  assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.match(headers['permissions-policy'] ?? '', /camera=\(self\)/);
  await page.getByRole('heading').first().waitFor();
  // An inline script, as an injected one would be: refused, and reported to the watcher.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expectSoon(() => problems.some((p) => p.startsWith('probe: CSP script-src')));
  assert.equal(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan), undefined);
  problems.length = 0;
  await context.close();
});

test('a citizen signs up, photographs papers and gets the offline app, with no violation', { timeout: 240_000 }, async () => {
  const context = await phoneContext(browser, server.baseURL);
  await context.grantPermissions(['camera']);
  const page = await watched(context, 'citizen');
  await signUpAndSignIn(page, server.baseURL, newCitizen('Phạm Thị Hoa'));
  await waitForServiceWorker(page);
  await fillHouseholdBusiness(page, 'Hộ kinh doanh Tạp hoá Hoa');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the officer console, a PDF, the reports with their charts and the API docs, with no violation', {
  timeout: 180_000,
}, async () => {
  const desk = await deskContext(browser, server.baseURL);
  const page = await watched(desk, 'officer');
  await signInAsOfficer(page, '0905000011');
  // The desk's register opens in Chromium's PDF viewer (a frame of the browser's own) under the CSP.
  const [pdf] = await Promise.all([
    desk.waitForEvent('page'),
    page.evaluate(() => window.open('/api/v1/officer/register.pdf?from=2026-01-01&to=2026-01-31')),
  ]);
  await pdf.waitForLoadState();
  await expectSoon(() => pdf.frames().some((f) => f.url().startsWith('chrome-extension://')), 'the PDF viewer');
  await desk.close();

  const admin = await deskContext(browser, server.baseURL);
  const reports = await watched(admin, 'reports');
  await reports.goto('/bao-cao');
  await reports.getByRole('link', { name: 'Đăng nhập' }).click();
  await reports.getByLabel('Số điện thoại').fill('0905000091');
  await reports.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await reports.getByRole('button', { name: 'Đăng nhập' }).click();
  await reports.getByRole('heading', { name: 'Báo cáo chỉ số giải quyết hồ sơ' }).waitFor();
  await reports.locator('.rp-chart canvas, .rp-chart svg').first().waitFor({ timeout: 30_000 });
  await reports.goto('/api/docs');
  await reports.getByText('DVC Quảng Ngãi API').first().waitFor({ timeout: 30_000 });
  // The docs render operations as they are scrolled into view (over a hundred paths): scroll, as a reader does.
  const dossierRoutes = reports.getByText('/api/v1/dossiers').first();
  for (let i = 0; i < 80 && !(await dossierRoutes.isVisible()); i++) {
    await reports.mouse.wheel(0, 1500);
    await new Promise((r) => setTimeout(r, 150));
  }
  await dossierRoutes.waitFor();
  assert.deepEqual(problems, []);
  await admin.close();
});

async function expectSoon(check: () => boolean, what = 'the violation report') {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`${what} did not come: ${JSON.stringify(problems)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
