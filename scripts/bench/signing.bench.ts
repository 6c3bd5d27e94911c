import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../packages/server/src/config';
import { openPglite } from '../../packages/server/src/db/database';
import { migrate } from '../../packages/server/src/db/migrate';
import { seed } from '../../packages/server/src/db/seed/index';
import { renderHouseholdBusinessCertificate } from '../../packages/server/src/documents/index';
import { householdBusinessCertificate } from '../../packages/server/src/documents/samples';
import type { AppContext } from '../../packages/server/src/http/context';
import { authorizeOfficer, sendSigningOtp, signPdf } from '../../packages/server/src/signing/index';

/**
 * What signing adds to issuing a result: the leader's certificate rendered unsigned, then rendered
 * and signed (PAdES B-T through the local CSC stand-in and timestamp authority, on in-memory
 * PGlite), one after the other. Prints signatures per second and p50/p95 of both; the target is
 * at most 150 ms added at p95. BENCH_SIGNING_COUNT signatures (default 60) after 5 warm-up rounds.
 */

const LEADER_PHONE = '0905000013';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Wall-clock and this process's CPU time of each run, sorted (CPU time says more on a busy machine). */
async function timed(n: number, work: () => Promise<unknown>): Promise<number[] & { cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return Object.assign(
    times.sort((a, b) => a - b),
    { cpu: cpu.sort((a, b) => a - b) },
  );
}

export async function benchSigning(): Promise<void> {
  const count = Number(process.env.BENCH_SIGNING_COUNT ?? 60);
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-signing-'));
  const handle = await openPglite();
  await migrate(handle.db);
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DVC_DEMO: '1' }),
  };
  config.signing = { ...config.signing, authorizationSignatures: count + 20 };
  const ctx: AppContext = { db: handle.db, databaseKind: handle.kind, config, now: () => new Date() };
  await seed(ctx, { demo: true });
  const leader = await handle.db
    .selectFrom('userAccount')
    .select('id')
    .where('phone', '=', LEADER_PHONE)
    .executeTakeFirstOrThrow();
  const setupStart = performance.now();
  await sendSigningOtp(ctx, leader.id);
  const sms = await handle.db
    .selectFrom('smsOutbox')
    .select('body')
    .where('phone', '=', LEADER_PHONE)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await authorizeOfficer(ctx, leader.id, sms.body.match(/\b(\d{6})\b/)![1]!);
  const setupMs = performance.now() - setupStart;

  const render = () => renderHouseholdBusinessCertificate(householdBusinessCertificate);
  const sign = async () => {
    const r = await signPdf(ctx, { officerId: leader.id }, { pdf: await render(), kind: 'certificate', reason: 'Bench' });
    if (!r.ok) throw new Error(r.message);
  };
  await timed(5, render);
  await timed(5, sign);
  const unsigned = await timed(count, render);
  const started = performance.now();
  const signed = await timed(count, sign);
  const perSecond = count / ((performance.now() - started) / 1000);
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  const added = percentile(signed, 95) - percentile(unsigned, 95);
  const addedCpu = percentile(signed.cpu, 95) - percentile(unsigned.cpu, 95);
  console.log(`\nKý số kết quả (PAdES B-T, dịch vụ CSC và TSA cục bộ), ${count} lần — signing, ${count} runs`);
  console.log(`  CA, chứng thư, OTP lần đầu / first certificate and authorization: ${setupMs.toFixed(0)} ms`);
  console.log(`  render không ký / unsigned render   p50 ${p(unsigned, 50)} ms  p95 ${p(unsigned, 95)} ms`);
  console.log(`  render + ký số / render and sign    p50 ${p(signed, 50)} ms  p95 ${p(signed, 95)} ms`);
  console.log(`  CPU không ký / unsigned, CPU time  p50 ${p(unsigned.cpu, 50)} ms  p95 ${p(unsigned.cpu, 95)} ms`);
  console.log(`  CPU render + ký / signed, CPU time  p50 ${p(signed.cpu, 50)} ms  p95 ${p(signed.cpu, 95)} ms`);
  console.log(`  chữ ký mỗi giây / signatures per second: ${perSecond.toFixed(1)}`);
  console.log(
    `  thêm ở p95 / added at p95: ${added.toFixed(1)} ms (mục tiêu / target ≤ 150 ms) ${added <= 150 ? 'ĐẠT / OK' : 'CHƯA ĐẠT / OVER'}`,
  );
  // On a machine shared with other work the wall clock measures the queue for the CPU as well.
  console.log(
    `  thêm ở p95, thời gian CPU / added at p95, CPU time: ${addedCpu.toFixed(1)} ms ${addedCpu <= 150 ? 'ĐẠT / OK' : 'CHƯA ĐẠT / OVER'}`,
  );
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
