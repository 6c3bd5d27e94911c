import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import type { AppContext } from '../../http/context';
import { protectDatabase } from '../../privacy';
import { seed } from '../../seed';
import { createTestDatabase } from '../../test/harness';
import { vneidRoutes } from './vneid.routes';

export interface VneidTestApp {
  app: FastifyInstance;
  ctx: AppContext;
  base: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a !== 'string' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The harness's app (test/harness.ts) with the VNeID routes and the local provider on top, listening
 * on 127.0.0.1 (the provider's issuer URL names the port, so it is chosen before the app is built).
 * The real clock: the provider and openid-client check token times against it.
 */
export async function createVneidTestApp(options: { logger?: boolean } = {}): Promise<VneidTestApp> {
  const handle = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-test-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: options.logger ? 'error' : 'silent',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DVC_DEMO: '1',
  });
  const { db } = await protectDatabase(handle.db, config, new Date());
  const ctx: AppContext = { db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: true, history: false });
  const app = await buildApp({ ctx, logger: options.logger ?? false });
  // Until app.ts registers the routes (then: already there, with the same local provider).
  if (!app.hasRoute({ method: 'GET', url: '/api/v1/auth/vneid/start' })) await app.register(vneidRoutes, { env: config.vneid });
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    ctx,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser without a browser: a cookie jar and redirects followed by hand. */
export class FetchBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; json?: object } = {}) {
    const res = await fetch(new URL(url, this.base), {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded', origin: this.base } : {}),
        ...(init.json ? { 'content-type': 'application/json', origin: this.base } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : init.json ? JSON.stringify(init.json) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*max-age=0\b/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '') < new Date()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` and returns the last response and its URL. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    let res = await this.request(url, init);
    let at = new URL(url, this.base).href;
    for (let i = 0; i < 20 && res.status >= 300 && res.status < 400; i++) {
      const location = res.headers.get('location');
      if (!location) break;
      const next = new URL(location, at);
      // Stop where the web app would take over (/ho-so, /dang-nhap): the tests look at that redirect.
      if (next.origin !== this.base || !/^\/(api|dev-vneid)(\/|$)/.test(next.pathname)) break;
      at = next.href;
      res = await this.request(at);
    }
    return { res, url: at };
  }
}

/** The form of an oidc-provider dev page: its action and hidden fields. */
export function parseForm(html: string): { action: string; fields: Record<string, string> } {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error(`no form in: ${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  return { action: action.replace(/&amp;/g, '&'), fields };
}

/** Signs in with VNeID through the local provider's login and consent pages, by HTTP only. */
export async function vneidLoginByHttp(browser: FetchBrowser, citizenId: string) {
  let step = await browser.follow('/api/v1/auth/vneid/start');
  for (let i = 0; i < 4; i++) {
    if (step.res.status !== 200 || !step.url.includes('/dev-vneid/interaction/')) break;
    const html = await step.res.text();
    const form = parseForm(html);
    const extra: Record<string, string> = form.fields.prompt === 'login' ? { login: citizenId, password: 'vneid' } : {};
    step = await browser.follow(form.action, { method: 'POST', form: { ...form.fields, ...extra } });
  }
  return step;
}
