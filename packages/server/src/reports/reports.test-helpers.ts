import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { DEMO_PASSWORD } from '../identity/identity.seed';
import { type SignedIn, signIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { seedDemoHistory, seedReportSettings } from './demo-history.seed';
import { reportRoutes } from './reports.routes';

export interface ReportsTestApp extends TestApp {
  /** An app with the report routes, whether or not app.ts registers them yet. */
  api: FastifyInstance;
}

/** A test app with the report settings and the demo history of the pilot loaded. */
export async function createReportsTestApp(options: { history?: boolean } = {}): Promise<ReportsTestApp> {
  const t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  await seedReportSettings(t.ctx);
  if (options.history ?? true) await seedDemoHistory(t.ctx);
  let api = t.app;
  if (!t.app.hasRoute({ method: 'GET', url: '/api/v1/reports/indicators' })) {
    api = await buildApp({ ctx: t.ctx });
    await api.register(reportRoutes);
    await api.ready();
  }
  return {
    ...t,
    api,
    async close() {
      if (api !== t.app) await api.close();
      await t.close();
    },
  };
}

export const PROVINCE_ADMIN = '0905000091';
export const COMMUNE_RECEIVER = '0905000011';
export const CITIZEN = '0905000001';

export function loginAs(app: FastifyInstance, phone: string): Promise<SignedIn> {
  return signIn(app, phone, DEMO_PASSWORD);
}

export async function getJson(app: FastifyInstance, who: SignedIn | null, url: string, accept?: string) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = who.cookie;
  if (accept) headers.accept = accept;
  return app.inject({ method: 'GET', url, headers });
}
