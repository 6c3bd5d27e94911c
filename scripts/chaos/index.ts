import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPglite, openPostgres } from '../../packages/server/src/db/database';
import { formatLoad } from '../bench/load';
import { fileAll, prepareFilings, signInCitizen } from './filings';
import { freePort, ServerProcess } from './server';
import { type Findings, verify } from './verify';

/**
 * `npm run chaos [-- --filings 1000 --clients 50 --engine pglite|postgresql|both --kill-at 0.5]`
 *
 * Files `--filings` dossiers from `--clients` concurrent clients against the server as `npm start`
 * runs it, kills it with SIGKILL once `--kill-at` of them are acknowledged, starts it again on the
 * same data, and lets the clients send every unacknowledged request again with its same
 * Idempotency-Key. Then it compares what the clients were told with what the database holds.
 * Exits 1 if any acknowledged filing is missing, any filing is stored twice, or any never succeeded.
 * PostgreSQL: a fresh database on the server of CHAOS_DATABASE_URL (or TEST_DATABASE_URL).
 */
const { values } = parseArgs({
  options: {
    filings: { type: 'string', default: '5000' },
    clients: { type: 'string', default: '50' },
    engine: { type: 'string' },
    'kill-at': { type: 'string', default: '0.5' },
    'max-seconds': { type: 'string', default: '900' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const filingsWanted = Number(values.filings);
const clients = Number(values.clients);
const killAt = Number(values['kill-at']);
const maxSeconds = Number(values['max-seconds']);
const serverUrl = process.env.CHAOS_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engineOption = values.engine ?? (serverUrl ? 'both' : 'pglite');
if (!['pglite', 'postgresql', 'both'].includes(engineOption)) throw new Error(`--engine: pglite, postgresql or both`);
if (!(filingsWanted >= 1 && clients >= 1 && killAt > 0 && killAt < 1))
  throw new Error('--filings, --clients ≥ 1; 0 < --kill-at < 1');
const engines = engineOption === 'both' ? ['pglite', 'postgresql'] : [engineOption];
if (engines.includes('postgresql') && !serverUrl) throw new Error('PostgreSQL: set CHAOS_DATABASE_URL or TEST_DATABASE_URL');
if (!values.engine && !serverUrl) console.log('(PostgreSQL skipped: set CHAOS_DATABASE_URL or TEST_DATABASE_URL to run it too)');

let failed = false;
for (const engine of engines) {
  const findings = await runOnce(engine as 'pglite' | 'postgresql');
  failed ||= findings.ackedMissing > 0 || findings.duplicated > 0 || findings.neverSucceeded > 0;
}
console.log(failed ? '\nchaos: FAILED' : '\nchaos: every acknowledged filing is stored once, every filing succeeded');
process.exit(failed ? 1 : 0);

async function runOnce(engine: 'pglite' | 'postgresql'): Promise<Findings> {
  const runId = randomBytes(4).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-chaos-'));
  const database = engine === 'postgresql' ? await createDatabase(serverUrl!, `dvc_chaos_${runId}`) : undefined;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DVC_DEMO: '1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  const server = new ServerProcess(await freePort(), env, join(dataDir, 'server.log'));
  console.log(`\n== chaos: ${filingsWanted} filings, ${clients} clients, kill -9 at ${killAt * 100}% (${engine}) ==`);
  try {
    const firstStart = await server.start();
    console.log(`server up in ${(firstStart / 1000).toFixed(1)} s (${server.base}, data ${dataDir})`);
    const citizen = await signInCitizen(server.base);
    const filings = await prepareFilings(server.base, citizen, filingsWanted, runId);

    let killed: Promise<void> | undefined;
    let restartFailed: unknown;
    const killAfter = Math.max(1, Math.floor(filingsWanted * killAt));
    const started = performance.now();
    const onAck = (acked: number) => {
      if (acked !== killAfter || killed) return;
      console.log(`kill -9 after ${acked} acknowledged filings (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      server.kill9();
      killed = server
        .exited()
        .then(() => server.start())
        .then(
          (ms) => console.log(`server up again in ${(ms / 1000).toFixed(1)} s`),
          (err) => {
            restartFailed = err ?? new Error('restart failed');
          },
        );
    };
    const deadline = Date.now() + maxSeconds * 1000;
    const run = await fileAll(server.base, citizen, filings, clients, deadline, onAck, () => restartFailed !== undefined);
    await killed;
    if (restartFailed !== undefined) throw restartFailed;
    if (!killed) throw new Error(`the server was never killed: only ${filings.filter((f) => f.ackedCode).length} acknowledged`);
    console.log(formatLoad(`POST /api/v1/dossiers (${engine}, with kill -9)`, run.load));
    const statuses = [...run.statuses].map(([s, n]) => `${s}×${n}`).join(', ');
    console.log(`no answer (cut, refused or timed out): ${run.unanswered}; other answers: ${statuses || 'none'}`);
    const retried = filings.filter((f) => f.attempts > 1).length;
    const replayed = filings.filter((f) => f.replayed).length;
    console.log(`filings sent more than once (same Idempotency-Key): ${retried}; answered from the stored answer: ${replayed}`);

    const stopped = await server.stop();
    const handle = database ? await openPostgres(database.url) : await openPglite(dataDir);
    let findings: Findings;
    try {
      findings = await verify(handle.db, filings, runId);
    } finally {
      await handle.close();
    }
    console.log(`server stopped (exit ${stopped}); dossiers of the run stored: ${findings.stored}`);
    console.log(`acknowledged but missing: ${findings.ackedMissing}`);
    console.log(`duplicated:               ${findings.duplicated}`);
    console.log(
      `never succeeded:          ${findings.neverSucceeded} (of which written, answer lost: ${findings.writtenNotAcked})`,
    );
    console.log(`daily-number gaps:        ${findings.dailyNumberGaps}`);
    for (const line of findings.examples) console.log(`  ${line}`);
    if (findings.neverSucceeded > 0) console.log(`server log (last lines):\n${server.logTail()}`);
    return findings;
  } catch (err) {
    console.log(`server log (last lines):\n${server.logTail()}`);
    throw err;
  } finally {
    await server.stop(5000);
    await database?.drop();
    if (!values['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh database on the server of `serverUrl`, dropped at the end. */
async function createDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      if (values['keep-data']) return;
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
