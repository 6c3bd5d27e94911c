import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../packages/server/src/app';
import { loadConfig } from '../../packages/server/src/config';
import { openPglite, openPostgres } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { seed } from '../../packages/server/src/db/seed/index';
import { householdRegistration, registrationAttachments } from '../../packages/server/src/dossiers/dossiers.test-helpers';
import { DEMO_PASSWORD } from '../../packages/server/src/identity/identity.seed';
import { formatLoad, runLoad } from './load';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 2;

/**
 * (a) POST /api/v1/dossiers under 50 concurrent clients for 20 s, beside a bare Fastify route that
 * inserts one row into the same database: the ratio is the headline (target ≥ 0.5). The filings go
 * to ten communes, as a province's load does: one desk's daily numbers stop at 9999 (Circular
 * 01/2018), which a single desk would pass at this rate.
 */
export async function benchSubmissions(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
  const url = process.env.BENCH_DATABASE_URL;
  const handle = url ? await openPostgres(url) : await openPglite();
  await migrate(handle.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const ctx = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: true });
  const app = await buildApp({ ctx });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '0905000001', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await login.json()) as { csrfToken: string; user: { id: string } };
  const citizen = {
    cookie,
    csrfToken: me.csrfToken,
    body: { user: { id: me.user.id, kind: 'citizen', roles: [] }, csrfToken: me.csrfToken },
  };
  const attachments = await registrationAttachments(ctx, citizen);
  const communes = await sql<{ code: string }>`select code from admin_unit
    where level = 'commune' and valid_from <= current_date and (valid_to is null or valid_to > current_date)
    order by code limit 10`.execute(handle.db);
  const bodies = communes.rows.map(({ code }) => {
    const registration = householdRegistration({ attachments, unitCode: code });
    return JSON.stringify({ ...registration, form: { ...registration.form, location: { unitCode: code, street: '12 Lê Lợi' } } });
  });
  const body = bodies[0]!;
  let filed = 0;

  const submit = async () => {
    const res = await fetch(`${base}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken, 'idempotency-key': randomUUID() },
      body: bodies[filed++ % bodies.length],
    });
    await res.arrayBuffer();
    return res.status === 201;
  };

  await sql`create table if not exists bench_row (id uuid primary key, body jsonb not null, at timestamptz not null)`.execute(
    handle.db,
  );
  const bare = Fastify();
  bare.post('/bare', async () => {
    await sql`insert into bench_row (id, body, at) values (${randomUUID()}, ${body}::jsonb, now())`.execute(handle.db);
    return { ok: true };
  });
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
  const insertOne = async () => {
    const res = await fetch(`${bareBase}/bare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await res.arrayBuffer();
    return res.status === 200;
  };

  console.log(`\n== Filing a dossier (${handle.kind}, ${CLIENTS} clients × ${SECONDS} s) ==`);
  // Both warm up first (JIT, connection pools, caches), so neither pays for it in its figures.
  await runLoad(submit, CLIENTS, WARM_UP_SECONDS);
  await runLoad(insertOne, CLIENTS, WARM_UP_SECONDS);
  const full = await runLoad(submit, CLIENTS, SECONDS);
  console.log(formatLoad('POST /api/v1/dossiers', full));
  const baseline = await runLoad(insertOne, CLIENTS, SECONDS);
  console.log(formatLoad('bare Fastify route, one INSERT', baseline));
  const ratio = full.perSecond / baseline.perSecond;
  console.log(`ratio submissions/bare insert: ${ratio.toFixed(2)}  (target ≥ 0.50) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);

  await bare.close();
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
