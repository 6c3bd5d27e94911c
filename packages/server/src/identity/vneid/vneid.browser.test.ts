import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
// Debian's Chromium with the project's flags, as the end-to-end tests launch it.
import { launchBrowser } from '../../../../web/e2e/browser';
import { createVneidTestApp, type VneidTestApp } from './vneid.test-helpers';
import { TEST_IDENTITIES } from './vneid-stand-in';

/** A real browser through the local provider's login and consent pages and back, signed in. */

let t: VneidTestApp;
let browser: Browser;
before(async () => {
  t = await createVneidTestApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.close();
});

async function signInWithVneid(citizenId: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${t.base}/api/v1/auth/vneid/start`);
  assert.match(page.url(), /\/dev-vneid\/interaction\//);
  await page.fill('input[name="login"]', citizenId);
  await page.fill('input[name="password"]', 'mat-khau-bat-ky');
  await Promise.all([page.waitForURL(/\/dev-vneid\/interaction\//), page.click('button[type="submit"]')]);
  // Consent: the portal asks for the name, phone and identity number.
  await Promise.all([page.waitForURL(/\/ho-so$/), page.click('button[type="submit"]')]);
  const me = await page.evaluate(async () => {
    const r = await fetch('/api/v1/auth/me');
    return { status: r.status, body: r.status === 200 ? await r.json() : null };
  });
  await context.close();
  return me;
}

test('a citizen signs in with VNeID in Chromium and lands on /ho-so signed in; twice → the same account', async () => {
  const person = TEST_IDENTITIES[0];
  const first = await signInWithVneid(person.citizen_id);
  assert.equal(first.status, 200);
  assert.equal(first.body.user.kind, 'citizen');
  assert.equal(first.body.user.fullName, person.name);
  const second = await signInWithVneid(person.citizen_id);
  assert.equal(second.body.user.id, first.body.user.id);
});
