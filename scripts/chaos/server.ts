import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 120_000;

/**
 * The server as `npm start` runs it — `node --import tsx packages/server/src/main.ts`, its own
 * process with its job workers — on 127.0.0.1, started, killed with SIGKILL and started again on the
 * same port and data. Its output goes to `logPath`.
 */
export class ServerProcess {
  readonly base: string;
  readonly #env: Record<string, string>;
  readonly #logPath: string;
  #child: ChildProcess | undefined;
  #exited: Promise<number | null> = Promise.resolve(null);

  constructor(port: number, env: Record<string, string>, logPath: string) {
    this.base = `http://127.0.0.1:${port}`;
    this.#env = { ...env, PORT: String(port), HOST: '127.0.0.1' };
    this.#logPath = logPath;
  }

  /** Starts the server and waits until it answers its health check. */
  async start(): Promise<number> {
    const started = performance.now();
    const log = openSync(this.#logPath, 'a');
    const env = { ...process.env, ...this.#env };
    // The engine is chosen here only: a DATABASE_URL of the caller's must not leak into a PGlite run.
    if (!this.#env.DATABASE_URL) delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void this.#exited.then(() => {
      gone = true;
    });
    while (performance.now() - started < START_TIMEOUT_MS) {
      if (gone) throw new Error(`the server exited while starting:\n${this.logTail()}`);
      const ok = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return performance.now() - started;
      await sleep(100);
    }
    this.kill9();
    throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${this.logTail()}`);
  }

  /** `kill -9`: no shutdown of any kind, requests in flight are cut. */
  kill9(): void {
    this.#child?.kill('SIGKILL');
  }

  /** A graceful stop (SIGTERM); SIGKILL if it has not exited within `graceMs`. Answers its exit code. */
  async stop(graceMs = 15_000): Promise<number | null | 'killed'> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    child.kill('SIGTERM');
    const code = await Promise.race([this.#exited, sleep(graceMs).then(() => 'late' as const)]);
    if (code !== 'late') return code;
    child.kill('SIGKILL');
    await this.#exited;
    return 'killed';
  }

  /** Waits for the process to be gone (after kill9). */
  async exited(): Promise<void> {
    await this.#exited;
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.#logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/** A free TCP port on 127.0.0.1 (kept for the restart). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
