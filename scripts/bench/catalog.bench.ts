import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '../../packages/server/src/identity/identity.seed';
import { catalogCsv, generateCatalogRows } from './catalog-generate';
import { startDvcServer } from './processes';
import { signInOverHttp } from './remote';

const WEB = resolve(import.meta.dirname, '../../packages/web');
const COUNT = Number(process.env.BENCH_CATALOG_COUNT ?? 1700);
const SEARCH_RUNS = Number(process.env.BENCH_CATALOG_SEARCHES ?? 200);
/** The citizen catalog screen's page (citizen/procedures/Procedures.tsx): a search answers one page and the total. */
const PAGE = 30;

/** What a citizen types: with diacritics, and the same words without (phones without a Vietnamese keyboard). */
const QUERIES_WITH = [
  'kết hôn',
  'khai sinh',
  'hộ kinh doanh',
  'thường trú',
  'bảo hiểm y tế',
  'trợ cấp',
  'giấy phép bán lẻ',
  'liệt sĩ',
];
const QUERIES_WITHOUT = [
  'ket hon',
  'khai sinh',
  'ho kinh doanh',
  'thuong tru',
  'bao hiem y te',
  'tro cap',
  'giay phep ban le',
  'liet si',
];

function firstLoadJsGz(): number {
  const dist = join(WEB, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string));
  let total = 0;
  for (const ref of refs) total += gzipSync(readFileSync(join(dist, ref)), { level: 9 }).length;
  return total;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

async function timeSearches(base: string, queries: string[]): Promise<{ p50: number; p95: number; hits: number }> {
  const ms: number[] = [];
  let hits = 0;
  for (let i = 0; i < SEARCH_RUNS; i++) {
    const q = queries[i % queries.length] as string;
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/procedures?q=${encodeURIComponent(q)}&limit=${PAGE}`);
    const body = (await res.json()) as { total: number };
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`search ${q} → ${res.status}`);
    hits += body.total;
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), hits: Math.round(hits / SEARCH_RUNS) };
}

/**
 * (issue 12 point 7) The generated 1,700-procedure catalog imported through the admin API of a
 * server started as `npm start` starts it, imported again (nothing changes), catalog search p50/p95
 * at that size with and without diacritics, and the citizen app's first-load JS. Prints figures
 * and their ratio to the target; asserts nothing.
 */
export async function benchCatalog(): Promise<void> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: WEB, stdio: 'inherit' });
  const js = firstLoadJsGz() / 1024;
  const csv = catalogCsv(generateCatalogRows(COUNT));
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-catalog-'));
  const server = await startDvcServer(dataDir, process.env.BENCH_DATABASE_URL);
  try {
    const admin = await signInOverHttp(server.base, '0905000091', DEMO_PASSWORD);
    const importOnce = async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.base}/api/v1/admin/procedures/import?publish=true`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
        body: csv,
      });
      const seconds = (performance.now() - t0) / 1000;
      if (res.status !== 200) throw new Error(`import → ${res.status} ${(await res.text()).slice(0, 500)}`);
      const r = (await res.json()) as { created: number; updated: number; unchanged: number; refused: number };
      return { seconds, ...r };
    };
    const first = await importOnce();
    const again = await importOnce();
    // The first search after the import rebuilds the server's search index (catalog/catalog-index.ts).
    const t0 = performance.now();
    const listed = (await (await fetch(`${server.base}/api/v1/procedures?limit=${PAGE}`)).json()) as { total: number };
    const firstSearchMs = performance.now() - t0;
    const withMarks = await timeSearches(server.base, QUERIES_WITH);
    const without = await timeSearches(server.base, QUERIES_WITHOUT);

    const line = (label: string, figure: string, target: string, ratio: number) =>
      console.log(
        `  ${label.padEnd(46)} ${figure.padStart(10)}   target ${target.padEnd(9)} ratio ${ratio.toFixed(2)}  ${verdict(ratio <= 1)}`,
      );
    console.log(
      `\n== Catalog at scale: ${COUNT.toLocaleString('vi-VN')} generated procedures (CSV of the national catalog's columns, ${(csv.length / 1024).toFixed(0)} KB) ==`,
    );
    console.log(
      `  server as npm start runs it (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}); ${listed.total} procedures published after import; machine load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${cpus().length} cores`,
    );
    line(
      `import (created ${first.created}, refused ${first.refused})`,
      `${first.seconds.toFixed(2)} s`,
      '< 10 s',
      first.seconds / 10,
    );
    line(
      `import again (unchanged ${again.unchanged}, created ${again.created + again.updated})`,
      `${again.seconds.toFixed(2)} s`,
      '< 10 s',
      again.seconds / 10,
    );
    line(
      `search with diacritics p95 (p50 ${withMarks.p50.toFixed(1)} ms, ~${withMarks.hits} hits)`,
      `${withMarks.p95.toFixed(1)} ms`,
      '< 50 ms',
      withMarks.p95 / 50,
    );
    line(
      `search without diacritics p95 (p50 ${without.p50.toFixed(1)} ms, ~${without.hits} hits)`,
      `${without.p95.toFixed(1)} ms`,
      '< 50 ms',
      without.p95 / 50,
    );
    console.log(`  first search after the import (rebuilds the search index): ${firstSearchMs.toFixed(1)} ms`);
    line('citizen app first-load JS (gz)', `${js.toFixed(1)} KB`, '≤ 150 KB', js / 150);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
