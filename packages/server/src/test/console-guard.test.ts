import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

test('a test that calls console.error without expecting it fails, and only that test', () => {
  const fixture = fileURLToPath(new URL('./console-guard.fixture.ts', import.meta.url));
  // Without NODE_TEST_CONTEXT, the child reports as a run of its own instead of to this runner.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', fixture], {
    encoding: 'utf8',
    env,
  });
  assert.notEqual(run.status, 0, 'the run fails');
  assert.match(run.stdout, /^ok \d+ - quiet$/m);
  assert.match(run.stdout, /^not ok \d+ - prints an error it did not announce$/m);
  assert.match(run.stdout, /console\.error was called without the test expecting it/);
  assert.match(run.stdout, /^ok \d+ - prints an error it expects$/m);
  assert.match(run.stdout, /# fail 1$/m);
});
