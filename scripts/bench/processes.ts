// The bench's servers, each in a process of its own, started as users start them. Loopback only.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  name: string;
  base: string;
  pid: number;
  /** Resident memory now (MB), from /proc. */
  rssMb(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/** The environment of a child without the caller's database settings (each server gets its own). */
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'BENCH_DATABASE_URL', 'PORT', 'DATA_DIR', 'NODE_ENV', 'LOG_LEVEL'])
    delete env[k];
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

async function startProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  ready: (output: string) => string | undefined,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  let output = '';
  const base = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name}: not ready after 300 s (see ${logFile})`)), 300_000);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      if (output.length < 100_000) output += chunk.toString();
      const found = ready(output);
      if (found) {
        clearTimeout(timer);
        output = '';
        ok(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited with ${code} before it was ready (see ${logFile})`));
    });
  });
  const pid = child.pid as number;
  return {
    name,
    base,
    pid,
    rssMb() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop() {
      return new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(kill);
          log.end();
          ok();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * The server as `npm start` runs it (`node --import tsx packages/server/src/main.ts`): its own data
 * directory, the demo data, the job workers, portal sync (to its local receiver) and the deadline
 * sweep. Ready when it prints its banner, which main.ts does after the workers have started.
 */
export async function startDvcServer(dataDir: string, databaseUrl?: string): Promise<ServerProcess> {
  const port = await freePort();
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // Demo accounts and reference data for the citizen who files (opt-in).
    DVC_DEMO: '1',
    NODE_ENV: 'development',
  });
  return startProcess('dvc', 'packages/server/src/main.ts', env, join(dataDir, 'server.log'), (out) =>
    /is running/.test(out) ? `http://127.0.0.1:${port}` : undefined,
  );
}

/** The bare route (bare-server.ts) on the same engine. */
export async function startBareServer(dataDir: string, databaseUrl?: string): Promise<ServerProcess> {
  const env = childEnv({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  return startProcess(
    'bare',
    'scripts/bench/bare-server.ts',
    env,
    join(dataDir, 'bare.log'),
    (out) => /listening (\S+)/.exec(out)?.[1],
  );
}
