import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { householdRegistration } from '../../packages/server/src/dossiers/dossiers.test-helpers';
import { DEMO_PASSWORD } from '../../packages/server/src/identity/identity.seed';
import { type SubmittedPart, startSmscStandIn } from '../../packages/server/src/notifications/smsc-stand-in';
import { startDvcServer } from './processes';
import { signInOverHttp, tusUpload } from './remote';

/**
 * (issue 18 point 7) SMS through the outbox: the server as `npm start` starts it (main.ts, demo
 * data, workers on, PGlite in its own data dir), configured with SMPP_URL to an SMSC stand-in that
 * runs in this process, so that each submit_sm is timed where it arrives. The citizen files
 * BENCH_NOTIFY_RATE dossiers a second (open loop) for BENCH_NOTIFY_SECONDS; each filing's notice
 * is an SMS. Prints the SMS and submit_sm per second that reached the SMSC, and the time from the
 * filing's commit (its 201 answer) to the first submit_sm of its SMS, p50/p99. The server's SMS
 * throughput limit is raised to BENCH_NOTIFY_SMS_PER_SECOND (the shipped default, 30 a second, is a
 * carrier's contract, lower than 50 filings' worth). Asserts nothing.
 */

const RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_NOTIFY_SECONDS ?? 10);
const SMS_PER_SECOND = Number(process.env.BENCH_NOTIFY_SMS_PER_SECOND ?? 500);
const DRAIN_TIMEOUT_MS = 60_000;

export async function benchNotify(): Promise<void> {
  const smsc = await startSmscStandIn({ systemId: 'bench', password: 'bench' });
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-notify-'));
  const server = await startDvcServer(dataDir, undefined, {
    SMPP_URL: `smpp://127.0.0.1:${smsc.port}`,
    SMPP_SYSTEM_ID: 'bench',
    SMPP_PASSWORD: 'bench',
    SMS_MAX_PER_SECOND: String(SMS_PER_SECOND),
  });
  // The first part of each SMS, by the dossier code its text names (parts gathered per reference).
  const firstPartAt = new Map<string, number>();
  const pending = new Map<string, { at: number; texts: string[]; total: number }>();
  let parts = 0;
  smsc.events.on('submit', (p: SubmittedPart) => {
    parts++;
    const key = `${p.destination}/${p.concat?.reference ?? p.messageId}`;
    const m = pending.get(key) ?? { at: p.at, texts: [], total: p.concat?.total ?? 1 };
    pending.set(key, m);
    m.texts[(p.concat?.seq ?? 1) - 1] = p.text;
    if (m.texts.filter((x) => x !== undefined).length < m.total) return;
    pending.delete(key);
    const code = /Hồ sơ (\S+)/.exec(m.texts.join(''))?.[1];
    if (code && !firstPartAt.has(code)) firstPartAt.set(code, m.at);
  });

  try {
    const base = server.base;
    const citizen = await signInOverHttp(base, '0905000001', DEMO_PASSWORD);
    const attachments = [
      { componentId: 'giay-de-nghi', fileId: await tusUpload(base, citizen, '1.001612', 'giay-de-nghi') },
      { componentId: 'giay-to-phap-ly-ca-nhan', fileId: await tusUpload(base, citizen, '1.001612', 'giay-to-phap-ly-ca-nhan') },
    ];
    const body = JSON.stringify(householdRegistration({ attachments }));
    const file = async () => {
      const res = await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: citizen.cookie,
          'x-csrf-token': citizen.csrfToken,
          'idempotency-key': randomUUID(),
        },
        body,
      });
      const text = await res.text();
      if (res.status !== 201) return undefined;
      return { code: (JSON.parse(text) as { code: string }).code, at: Date.now() };
    };
    // Warm-up: a few filings and their SMS, outside the figures.
    for (let i = 0; i < 5; i++) await file();
    await new Promise((r) => setTimeout(r, 3000));

    const partsBefore = parts;
    const smsBefore = firstPartAt.size;
    const started = Date.now();
    const filings: Array<Promise<{ code: string; at: number } | undefined>> = [];
    for (let i = 0; i < RATE * SECONDS; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      filings.push(file());
    }
    const filed = (await Promise.all(filings)).filter((f) => f !== undefined);
    const loadEnded = Date.now();
    const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (filed.some((f) => !firstPartAt.has(f.code)) && Date.now() < drainDeadline)
      await new Promise((r) => setTimeout(r, 100));
    const lastAt = Math.max(...filed.map((f) => firstPartAt.get(f.code) ?? 0));
    const latencies = filed
      .filter((f) => firstPartAt.has(f.code))
      .map((f) => (firstPartAt.get(f.code) as number) - f.at)
      .sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? Number.NaN;
    const window = (lastAt - started) / 1000;
    const sms = firstPartAt.size - smsBefore;

    console.log(`\n== Notify: SMS through the outbox to the SMPP stand-in (server as npm start runs it, PGlite) ==`);
    const answered = filed.length / ((loadEnded - started) / 1000);
    console.log(
      `  filings      ${filed.length} of ${RATE * SECONDS} sent at ${RATE}/s for ${SECONDS} s; answered at ${answered.toFixed(1)}/s`,
    );
    console.log(`  SMS at SMSC  ${sms} (${filed.length - latencies.length} missing after ${DRAIN_TIMEOUT_MS / 1000} s)`);
    console.log(
      `  throughput   ${(sms / window).toFixed(1)} SMS/s, ${((parts - partsBefore) / window).toFixed(1)} submit_sm/s over ${window.toFixed(1)} s (limit ${SMS_PER_SECOND} submit_sm/s)`,
    );
    console.log(
      `  commit → first submit_sm   p50 ${pct(50).toFixed(0)} ms   p99 ${pct(99).toFixed(0)} ms   max ${pct(100).toFixed(0)} ms`,
    );
    console.log(`  last SMS ${((lastAt - loadEnded) / 1000).toFixed(1)} s after the last filing`);
    console.log(`  machine load: ${execFileSync('uptime').toString().trim()}`);
  } finally {
    await server.stop();
    await smsc.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
