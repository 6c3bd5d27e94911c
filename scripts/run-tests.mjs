// Runs every *.test.ts under packages/ with node's test runner (through tsx).
// --db-only: only the server's tests (database and HTTP), for the second pass on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTestTools } from './ensure-test-tools.mjs';

const dbOnly = process.argv.includes('--db-only');
const roots = dbOnly
  ? ['packages/server/src']
  : ['packages/domain/src', 'packages/server/src', 'packages/web/src', 'packages/web/e2e'];

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const files = roots.flatMap((r) => walk(r, [])).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The browser journeys serve packages/web/dist: build it once here, before test files run two at a
// time — a file rebuilding it would empty dist under another file's running server.
if (!dbOnly) {
  ensureTestTools();
  const build = spawnSync('npm', ['run', 'build', '-w', '@dvc/web', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('web build failed');
    process.exit(1);
  }
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
