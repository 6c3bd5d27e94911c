import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { householdRegistration } from '../../packages/server/src/dossiers/dossiers.test-helpers';
import { DEMO_PASSWORD } from '../../packages/server/src/identity/identity.seed';
import { loadStep, type Step } from './cannon';
import { type ServerProcess, startBareServer, startDvcServer } from './processes';
import { signInOverHttp, tusUpload } from './remote';
import { type Row, report } from './submissions.report';

const CLIENT_STEPS = (process.env.BENCH_CLIENTS ?? '1,10,50').split(',').map(Number);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = 3;
const DRAIN_LIMIT_MS = 10_000;
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:55432/postgres';

/**
 * (a) POST /api/v1/dossiers against the server as `npm start` runs it — its own process, job
 * workers, portal sync and deadline sweep on — beside a bare Fastify route inserting one row into the
 * same engine (its own process too), driven by autocannon from this process at 1, 10 and 50
 * clients, interleaved in PAIRS rounds, on PGlite and on PostgreSQL (BENCH_DATABASE_URL, or the
 * local test server when it answers; fresh databases). After each load step it waits for the
 * notification and portal-sync backlog to empty before the next step. Prints figures and MET /
 * NOT MET against the targets of issue 11; asserts nothing.
 */
export async function benchSubmissions(): Promise<void> {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgresql').split(',');
  for (const engine of engines) {
    if (engine === 'pglite') await benchEngine('pglite');
    else if (engine === 'postgresql') {
      const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES;
      if (await answers(url)) await benchEngine('postgresql', url);
      else console.log(`\n(PostgreSQL skipped: nothing answers at ${url}; set BENCH_DATABASE_URL)`);
    }
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Fresh databases on the server of `url`, dropped by the returned function. */
async function freshDatabases(url: string, names: string[]): Promise<{ urls: string[]; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const name of names) await admin.query(`create database ${name}`);
  await admin.end();
  const urls = names.map((name) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  });
  return {
    urls,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      for (const name of names) await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function benchEngine(engine: 'pglite' | 'postgresql', url?: string): Promise<void> {
  const dvcDir = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'dvc-bench-bare-'));
  const suffix = randomUUID().slice(0, 8);
  const dbs = url ? await freshDatabases(url, [`dvc_bench_${suffix}`, `dvc_bench_bare_${suffix}`]) : undefined;
  const servers: ServerProcess[] = [];
  try {
    const t0 = performance.now();
    const starting = [startDvcServer(dvcDir, dbs?.urls[0]), startBareServer(bareDir, dbs?.urls[1])] as const;
    for (const s of await Promise.allSettled(starting)) if (s.status === 'fulfilled') servers.push(s.value);
    const [dvc, bare] = await Promise.all(starting);
    console.log(`\n== Filing a dossier, ${engine}: the server as npm start runs it vs a bare INSERT route ==`);
    console.log(`  (servers ready in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${PAIRS} pairs × ${SECONDS} s per step)`);

    const citizen = await signInOverHttp(dvc.base, '0905000001', DEMO_PASSWORD);
    const admin = await signInOverHttp(dvc.base, '0905000091', DEMO_PASSWORD);
    const attachments = [
      { componentId: 'giay-de-nghi', fileId: await tusUpload(dvc.base, citizen, '1.001612', 'giay-de-nghi') },
      {
        componentId: 'giay-to-phap-ly-ca-nhan',
        fileId: await tusUpload(dvc.base, citizen, '1.001612', 'giay-to-phap-ly-ca-nhan'),
      },
    ];
    const units = (await (await fetch(`${dvc.base}/api/v1/admin-units?level=commune`)).json()) as {
      items: Array<{ code: string }>;
    };
    const communes = units.items
      .map((u) => u.code)
      .sort()
      .slice(0, 10);
    // Ten communes, as a province's load is spread: one desk's daily numbers stop at 9999. Each filing
    // asks for a business name of its own, as the register allows one per commune.
    const registration = householdRegistration({ attachments });
    const run = randomUUID().slice(0, 6);
    let nextBody = 0;
    const nextFiling = (): string => {
      const n = nextBody++;
      const unitCode = communes[n % communes.length] as string;
      return JSON.stringify({
        ...registration,
        unitCode,
        form: {
          ...registration.form,
          businessName: `Hộ kinh doanh Tải ${run} ${n}`,
          location: { unitCode, street: '12 Lê Lợi' },
        },
      });
    };
    const filing = {
      method: 'POST' as const,
      path: '/api/v1/dossiers',
      headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
      next: () => ({ body: nextFiling(), headers: { 'idempotency-key': randomUUID() } }),
    };
    const insert = { method: 'POST' as const, path: '/bare', body: nextFiling() };

    // Each filing queues one portal message and, for the citizen, one notice: the portal's count of
    // messages is the number of filings the server wrote (also those autocannon stopped waiting for).
    const unreadBefore = await unread(dvc.base, citizen);
    const portalBefore = await portalCounts(dvc.base, admin);
    /** Filings whose citizen notice has not arrived, and portal messages not yet sent. */
    const backlog = async () => {
      const portal = await portalCounts(dvc.base, admin);
      const notices = (await unread(dvc.base, citizen)) - unreadBefore;
      return { notifications: portal.total - portalBefore.total - notices, portal: portal.pending };
    };
    const drain = async () => {
      const stopped = performance.now();
      const atStop = await backlog();
      let now = atStop;
      while ((now.notifications > 0 || now.portal > 0) && performance.now() - stopped < 3 * DRAIN_LIMIT_MS) {
        await new Promise((r) => setTimeout(r, 250));
        now = await backlog();
      }
      return { atStop, left: now, ms: performance.now() - stopped };
    };

    // Idle memory: both servers started, nothing asked of them yet but the sign-ins.
    await new Promise((r) => setTimeout(r, 3000));
    const memory = { dvc: dvc.rssMb(), bare: bare.rssMb() };

    await loadStep(dvc.base, filing, 10, WARM_UP_SECONDS);
    await loadStep(bare.base, insert, 10, WARM_UP_SECONDS);
    await drain();

    const rows: Row[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      for (const clients of CLIENT_STEPS) {
        const runDvc = async () => {
          const step = await loadStep(dvc.base, filing, clients, SECONDS);
          return { step, drained: await drain() };
        };
        const runBare = () => loadStep(bare.base, insert, clients, SECONDS);
        // Alternate which goes first, so that a drift of the shared machine hits both alike.
        let d: Awaited<ReturnType<typeof runDvc>>;
        let b: Step;
        if (pair % 2 === 0) {
          d = await runDvc();
          b = await runBare();
        } else {
          b = await runBare();
          d = await runDvc();
        }
        rows.push({ clients, pair, dvc: d.step, bare: b, drained: d.drained });
        process.stderr.write(
          `  pair ${pair + 1}, ${String(clients).padStart(2)} clients: ${d.step.perSecond.toFixed(0)} vs ${b.perSecond.toFixed(0)} req/s\n`,
        );
      }
    }
    const end = await backlog();
    report(engine, rows, memory, end, DRAIN_LIMIT_MS);
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await dbs?.drop();
    rmSync(dvcDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  }
}

async function unread(base: string, who: { cookie: string }): Promise<number> {
  const res = await fetch(`${base}/api/v1/notifications`, { headers: { cookie: who.cookie } });
  return ((await res.json()) as { unreadCount: number }).unreadCount;
}

async function portalCounts(base: string, who: { cookie: string }): Promise<{ pending: number; total: number }> {
  const res = await fetch(`${base}/api/v1/admin/portal-sync?limit=1`, { headers: { cookie: who.cookie } });
  const { counts } = (await res.json()) as { counts: { pending: number; sent: number; failed: number } };
  return { pending: counts.pending, total: counts.pending + counts.sent + counts.failed };
}
