import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { act, login, PHONES, post, uploaded } from '../dossiers/dossiers.test-helpers';
import type { AppContext } from '../http/context';
import type { SignedIn } from '../identity/identity.test-helpers';
import { protectDatabase } from '../privacy';
import { registryRoutes } from '../registry/registry.routes';
import { seed } from '../seed';
import { createTestDatabase } from '../test/harness';
import { resultRoutes } from './results.routes';

export const PUBLIC_URL = 'https://dichvucong.quangngai.gov.vn';

export interface ResultsTestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * The test harness's app plus this folder's routes (until app.ts registers them; then the check
 * below skips them), a temporary blob folder and a public URL for the QR codes.
 */
export async function createResultsTestApp(now: Date): Promise<ResultsTestApp> {
  const handle = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'dvc-results-'));
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DVC_DEMO: '1', DATA_DIR: dataDir }), PUBLIC_URL };
  const { db } = await protectDatabase(handle.db, config, now);
  const ctx: AppContext = { db, databaseKind: handle.kind, config, now: () => now };
  await seed(ctx, { demo: true });
  const app = await buildApp({ ctx });
  if (!app.hasRoute({ method: 'GET', url: '/xac-minh/:code' })) await app.register(resultRoutes);
  if (!app.hasRoute({ method: 'GET', url: '/api/v1/household-businesses' })) await app.register(registryRoutes);
  await app.ready();
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Gives the demo specialist and leader (and receiver) roles in another agency; call before they sign in. */
export async function grantDemoOfficers(ctx: AppContext, agencyCode: string, unitCode: string): Promise<void> {
  const users = await ctx.db
    .selectFrom('userAccount')
    .select(['id', 'phone'])
    .where('phone', 'in', [PHONES.receiver, PHONES.specialist, PHONES.leader])
    .execute();
  const roleOf = { [PHONES.receiver]: 'receiver', [PHONES.specialist]: 'specialist', [PHONES.leader]: 'leader' } as const;
  await ctx.db
    .insertInto('officerRole')
    .values(
      users.map((u) => ({
        provinceCode: ctx.config.PROVINCE_CODE,
        userId: u.id,
        role: roleOf[u.phone as keyof typeof roleOf],
        agencyCode,
        unitCode,
      })),
    )
    .execute();
}

export interface Desk {
  receiver: SignedIn;
  specialist: SignedIn;
  leader: SignedIn;
}

export async function signInDesk(app: FastifyInstance): Promise<Desk> {
  const [receiver, specialist, leader] = await Promise.all([
    login(app, 'receiver'),
    login(app, 'specialist'),
    login(app, 'leader'),
  ]);
  return { receiver, specialist, leader };
}

/** Files a dossier of any procedure as the citizen, with every mandatory component uploaded. */
export async function fileDossier(
  t: ResultsTestApp,
  citizen: SignedIn,
  procedureCode: string,
  unitCode: string,
  form: Record<string, unknown>,
  componentIds: string[],
): Promise<string> {
  const attachments = [];
  for (const componentId of componentIds) attachments.push({ componentId, fileId: await uploaded(t.ctx, citizen, componentId) });
  const body = { procedureCode, unitCode, channel: 'mobile', form, attachments, delivery: 'electronic' };
  const res = await post(t.app, citizen, '/api/v1/dossiers', body, randomUUID());
  if (res.statusCode !== 201) throw new Error(`file ${procedureCode} → ${res.statusCode} ${res.body}`);
  return res.json().code as string;
}

/** receive → assign → propose (approve) → approve → resolve, failing loudly at any step. */
export async function driveToResolved(app: FastifyInstance, desk: Desk, code: string): Promise<void> {
  await driveToApproved(app, desk, code);
  const res = await act(app, desk.leader, code, { type: 'resolve' });
  if (res.statusCode !== 200) throw new Error(`resolve ${code} → ${res.statusCode} ${res.body}`);
}

/** receive → assign → propose (approve) → approve: the leader's next step is to resolve (and issue). */
export async function driveToApproved(app: FastifyInstance, desk: Desk, code: string): Promise<void> {
  const steps: [SignedIn, Record<string, unknown>][] = [
    [desk.receiver, { type: 'receive' }],
    [desk.receiver, { type: 'assign', specialistId: desk.specialist.body.user.id }],
    [desk.specialist, { type: 'propose', outcome: 'approve', draft: 'Cấp kết quả theo đề nghị' }],
    [desk.leader, { type: 'approve' }],
  ];
  for (const [who, event] of steps) {
    const res = await act(app, who, code, event);
    if (res.statusCode !== 200) throw new Error(`${event.type} ${code} → ${res.statusCode} ${res.body}`);
  }
}

/** The text of a PDF (pages joined, whitespace collapsed), as a reader or a search would get it. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

export async function streamToBuffer(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

/**
 * `count` dossiers asking for one business name, each driven to approved: what two filings sent at
 * the same moment can come to, since a filing's and a reception's name checks cannot see a filing
 * still in flight. They are filed under names of their own and then given the same one in the
 * stored form, so the leader's decision is the only check left to meet the race.
 */
export async function approvedWithSameName(
  t: ResultsTestApp,
  desk: Desk,
  citizen: SignedIn,
  form: (name: string) => Record<string, unknown>,
  name: string,
  count: number,
  componentIds: string[],
): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = await fileDossier(t, citizen, '1.001612', '21025', form(`${name} ${randomUUID().slice(0, 6)}`), componentIds);
    await driveToApproved(t.app, desk, code);
    codes.push(code);
  }
  await t.ctx.db
    .updateTable('dossier')
    .set((eb) => ({ form: eb.fn('jsonb_set', [eb.ref('form'), eb.val('{businessName}'), eb.val(JSON.stringify(name))]) }))
    .where('code', 'in', codes)
    .execute();
  return codes;
}
