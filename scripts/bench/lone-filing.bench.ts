import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../packages/server/src/app';
import { loadConfig } from '../../packages/server/src/config';
import { openPostgres } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { householdRegistration } from '../../packages/server/src/dossiers/dossiers.test-helpers';
import { DEMO_PASSWORD } from '../../packages/server/src/identity/identity.seed';
import { seed } from '../../packages/server/src/seed';
import { signInOverHttp, tusUpload } from './remote';

const RUNS = Number(process.env.BENCH_LONE_RUNS ?? 200);

/**
 * What a lone filing waits on (issue 11.3), on PostgreSQL: RUNS filings one after the other, each
 * split into the time of its statements (Kysely's query log, round trip included) and the rest (HTTP,
 * JSON, checks, the event loop turns of the batchers). No workers run, so nothing else is measured.
 */
export async function benchLoneFiling(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
  const name = `dvc_bench_lone_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const queries: Array<{ sql: string; ms: number; at: number }> = [];
  /** Time some statement was in flight: statements asked side by side count once. */
  const waited = (qs: typeof queries) => {
    const spans = qs.map((q) => [q.at - q.ms, q.at] as const).sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = Number.NEGATIVE_INFINITY;
    for (const [from, to] of spans) {
      if (to <= end) continue;
      total += to - Math.max(from, end);
      end = to;
    }
    return total;
  };
  const log = (e: LogEvent) => {
    queries.push({ sql: e.query.sql.replace(/\s+/g, ' ').slice(0, 70), ms: e.queryDurationMillis, at: performance.now() });
  };
  // Opened as the server opens it (database.ts), so that what it adds (the session notices) is there too.
  const handle = await openPostgres(url.toString(), log);
  const db = handle.db;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-lone-'));
  try {
    await migrate(db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const ctx = { db, databaseKind: 'postgresql' as const, config, now: () => new Date() };
    await seed(ctx, { demo: true });
    const app = await buildApp({ ctx });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const citizen = await signInOverHttp(base, '0905000001', DEMO_PASSWORD);
    const attachments = [
      { componentId: 'giay-de-nghi', fileId: await tusUpload(base, citizen, '1.001612', 'giay-de-nghi') },
      { componentId: 'giay-to-phap-ly-ca-nhan', fileId: await tusUpload(base, citizen, '1.001612', 'giay-to-phap-ly-ca-nhan') },
    ];
    // Each filing asks for a business name of its own (one per commune in the register).
    const body = () => JSON.stringify(householdRegistration({ attachments }));
    const totals: number[] = [];
    const inDb: number[] = [];
    const waitedDb: number[] = [];
    const counts: number[] = [];
    const byStatement = new Map<string, number[]>();
    for (let i = 0; i < RUNS + 20; i++) {
      queries.length = 0;
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: citizen.cookie,
          'x-csrf-token': citizen.csrfToken,
          'idempotency-key': randomUUID(),
        },
        body: body(),
      });
      await res.arrayBuffer();
      const total = performance.now() - t0;
      if (res.status !== 201) throw new Error(`filing → ${res.status}`);
      if (i < 20) continue; // warm-up
      totals.push(total);
      inDb.push(queries.reduce((s, q) => s + q.ms, 0));
      waitedDb.push(waited(queries));
      counts.push(queries.length);
      for (const q of queries) byStatement.set(q.sql, [...(byStatement.get(q.sql) ?? []), q.ms]);
    }
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await pool.query('select 1');
      bare.push(performance.now() - t0);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(`\n== A lone filing on PostgreSQL: what it waits on (${RUNS} filings, one at a time) ==`);
    console.log(`  whole request (client side)      ${med(totals).toFixed(2)} ms median`);
    console.log(`  in statements (${med(counts)} per filing)     ${med(inDb).toFixed(2)} ms median`);
    console.log(`  waiting on them (side by side once) ${med(waitedDb).toFixed(2)} ms median`);
    console.log(`  elsewhere (HTTP, checks, turns)  ${(med(totals) - med(waitedDb)).toFixed(2)} ms median`);
    console.log(`  one 'select 1' round trip        ${med(bare).toFixed(2)} ms median`);
    console.log('  statements of a filing (median ms, how many times per filing):');
    for (const [sql, ms] of [...byStatement.entries()].sort((a, b) => med(b[1]) * b[1].length - med(a[1]) * a[1].length))
      console.log(`    ${med(ms).toFixed(2).padStart(6)} ms  ×${(ms.length / RUNS).toFixed(1)}  ${sql}`);

    // The same filings from 50 clients at once: how busy the one-at-a-time filing batch keeps PostgreSQL.
    queries.length = 0;
    let filed = 0;
    const t0 = performance.now();
    const until = t0 + 8000;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (performance.now() < until) {
          const res = await fetch(`${base}/api/v1/dossiers`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              cookie: citizen.cookie,
              'x-csrf-token': citizen.csrfToken,
              'idempotency-key': randomUUID(),
            },
            body: body(),
          });
          await res.arrayBuffer();
          if (res.status === 201) filed++;
        }
      }),
    );
    const wall = performance.now() - t0;
    const kinds: Array<[string, RegExp]> = [
      ['session lookup', /"session_id"/],
      ['file lookup', /from unnest\(\$1::uuid\[\], \$2::text\[\]\) as wanted/],
      ['daily numbers', /insert into "dossier_code_sequence"/],
      ['all rows of a batch', /^with w0 as \(insert into "dossier"/],
    ];
    console.log(`\n  50 clients × 8 s: ${(filed / (wall / 1000)).toFixed(0)} filings/s`);
    for (const [label, re] of kinds) {
      const qs = queries.filter((q) => re.test(q.sql));
      const busy = qs.reduce((sum, q) => sum + q.ms, 0);
      console.log(
        `    ${label.padEnd(22)} ${String(qs.length).padStart(5)} statements, ${(filed / Math.max(1, qs.length)).toFixed(1).padStart(5)} filings each, median ${med(
          qs.map((q) => q.ms),
        )
          .toFixed(1)
          .padStart(5)} ms, in flight ${((100 * busy) / wall).toFixed(0).padStart(3)} % of the time`,
      );
    }
    await app.close();
  } finally {
    await handle.close();
    await pool.end();
    rmSync(dataDir, { recursive: true, force: true });
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}
