import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { householdForm } from '../../server/src/dossiers/dossiers.test-helpers';
import { launchBrowser } from './browser';
import { DEMO_PASSWORD, deskContext } from './officer-desk';
import { ensureWebBuild, type RunningServer, startServer } from './server';

/**
 * What the administration journeys (officer-organisation, officer-staff) share: a real server and
 * Chromium for the file, pages at the sizes the screens are made for, a dossier received at the
 * counter of phường Cẩm Thành, and the check that a screen does not scroll sideways.
 */
export const SCREEN = { width: 1366, height: 768 } as const;
/** A tablet held upright. */
export const TABLET_PORTRAIT = { width: 768, height: 1024 } as const;

export interface AdminJourney {
  readonly baseURL: string;
  /** Uncaught errors of every page opened through `page`: a journey ends asserting there were none. */
  readonly errors: string[];
  /** Where the journey's screenshots go: SCREENSHOT_DIR, or a folder under the system's temp. */
  readonly shots: string;
  page(viewport?: { width: number; height: number }): Promise<Page>;
}

/** Starts the server and the browser before the file's tests and stops them after. */
export function adminJourney(shotsFolder: string): AdminJourney {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  const shots = process.env.SCREENSHOT_DIR ?? join(tmpdir(), shotsFolder);
  before(
    async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchBrowser();
      mkdirSync(shots, { recursive: true });
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the journey has not started');
    return { server, browser };
  };
  return {
    get baseURL() {
      return started().server.baseURL;
    },
    errors,
    shots,
    async page(viewport = SCREEN) {
      const { server, browser } = started();
      const context = await deskContext(browser, server.baseURL, viewport);
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(String(e)));
      return p;
    },
  };
}

/** A paper dossier received at Cẩm Thành's counter over the API: its clock runs from today. */
export async function counterDossier(baseURL: string): Promise<{ code: string; dueAt: string }> {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '0905000011', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL}/api/v1/dossiers/counter`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      procedureCode: '1.001612',
      unitCode: '21025',
      form: householdForm(),
      attachments: [],
      paperComponents: ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan'],
      delivery: 'counter',
      applicant: { fullName: 'Đỗ Thị Lan' },
      specialCaseReason: 'Không có điện thoại thông minh',
    }),
  });
  const body = (await res.json()) as { code?: string; expectedDueAt?: string };
  if (res.status !== 201 || !body.code || !body.expectedDueAt) throw new Error(`counter → ${res.status} ${JSON.stringify(body)}`);
  return { code: body.code, dueAt: body.expectedDueAt };
}

/** The page fits its width: nothing to scroll sideways to (a table may scroll inside its own box). */
export async function noSideScroll(p: Page, what: string): Promise<void> {
  const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width + 1, `${what}: the page scrolls sideways (${scroll} > ${width})`);
}
