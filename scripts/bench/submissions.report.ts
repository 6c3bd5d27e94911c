// The submissions bench's closing table: medians and spreads of the pairs, ratios, targets (issue 11).
import type { Step } from './cannon';

export interface Row {
  clients: number;
  pair: number;
  dvc: Step;
  bare: Step;
  drained: { atStop: Backlog; left: Backlog; ms: number };
}

interface Backlog {
  notifications: number;
  portal: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const spread = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

/** Ratio targets per engine and clients (issue 11, points 2 and 3). */
function ratioTarget(engine: string, clients: number): number | undefined {
  if (engine === 'pglite') return clients === 50 ? 0.4 : undefined;
  return clients === 50 ? 0.5 : clients === 1 || clients === 10 ? 0.3 : undefined;
}

export function report(
  engine: string,
  rows: Row[],
  memory: { dvc: number; bare: number },
  end: Backlog,
  drainLimitMs: number,
): void {
  console.log(
    `  ${'clients'.padEnd(8)}${'DVC req/s'.padStart(16)}${'DVC p99 ms'.padStart(20)}${'bare req/s'.padStart(18)}${'bare p99'.padStart(14)}  ${'ratio'.padStart(16)}  silent s  timeouts  errors`,
  );
  for (const clients of [...new Set(rows.map((r) => r.clients))]) {
    const at = rows.filter((r) => r.clients === clients);
    const dvcRate = at.map((r) => r.dvc.perSecond);
    const bareRate = at.map((r) => r.bare.perSecond);
    const ratios = at.map((r) => r.dvc.perSecond / r.bare.perSecond);
    const p99 = at.map((r) => r.dvc.p99);
    const ratio = median(dvcRate) / median(bareRate);
    console.log(
      `  ${String(clients).padEnd(8)}${`${median(dvcRate).toFixed(0)} (${spread(dvcRate)})`.padStart(16)}${`${median(p99).toFixed(0)} (${spread(p99)})`.padStart(20)}${`${median(bareRate).toFixed(0)} (${spread(bareRate)})`.padStart(18)}${median(
        at.map((r) => r.bare.p99),
      )
        .toFixed(0)
        .padStart(
          14,
        )}  ${`${ratio.toFixed(2)} (${spread(ratios, 2)})`.padStart(16)}  ${String(sum(at.map((r) => r.dvc.silentSeconds))).padStart(8)}  ${String(sum(at.map((r) => r.dvc.timeouts))).padStart(8)}  ${String(sum(at.map((r) => r.dvc.errors))).padStart(6)}`,
    );
  }
  console.log('  (medians of the pairs, min–max in brackets; silent s = seconds without any answer; bare: same columns)');

  const drains = rows.map((r) => r.drained);
  const slowest = Math.max(...drains.map((d) => d.ms));
  const worstAtStop = drains.reduce((w, d) => Math.max(w, d.atStop.notifications + d.atStop.portal), 0);
  console.log(
    `  backlog when a load step stopped: up to ${worstAtStop} (notifications + portal); emptied within ${(slowest / 1000).toFixed(1)} s at worst; at the end: ${end.notifications} notifications, ${end.portal} portal messages`,
  );

  const targets: Array<[string, boolean]> = [];
  for (const clients of [...new Set(rows.map((r) => r.clients))]) {
    const target = ratioTarget(engine, clients);
    if (target === undefined) continue;
    const at = rows.filter((r) => r.clients === clients);
    const ratio = median(at.map((r) => r.dvc.perSecond)) / median(at.map((r) => r.bare.perSecond));
    targets.push([`ratio at ${clients} clients ${ratio.toFixed(2)} ≥ ${target}`, ratio >= target]);
  }
  if (engine === 'pglite') {
    const at50 = rows.filter((r) => r.clients === 50);
    if (at50.length) {
      const p99 = median(at50.map((r) => r.dvc.p99));
      targets.push([`p99 at 50 clients ${p99.toFixed(0)} ms < 250 ms (median of pairs)`, p99 < 250]);
      const silent = sum(at50.map((r) => r.dvc.silentSeconds));
      const timeouts = sum(at50.map((r) => r.dvc.timeouts));
      targets.push([
        `seconds without answers at 50 clients: ${silent}, client timeouts: ${timeouts}`,
        silent === 0 && timeouts === 0,
      ]);
    }
    const limit = memory.bare * 1.1;
    targets.push([
      `idle memory ${memory.dvc.toFixed(0)} MB ≤ 1.1 × bare ${memory.bare.toFixed(0)} MB (${limit.toFixed(0)} MB)`,
      memory.dvc <= limit,
    ]);
  } else {
    console.log(`  idle memory: DVC ${memory.dvc.toFixed(0)} MB, bare ${memory.bare.toFixed(0)} MB`);
  }
  targets.push([
    `backlog empty within ${drainLimitMs / 1000} s after each load step (slowest ${(slowest / 1000).toFixed(1)} s)`,
    slowest <= drainLimitMs && end.notifications <= 0 && end.portal === 0,
  ]);
  for (const [label, ok] of targets) console.log(`  ${label.padEnd(78)} ${verdict(ok)}`);
}
