// The bench's servers, each in a process of its own, started as users start them. Loopback only.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
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
  flags: string[],
  script: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  ready: (output: string) => string | undefined,
): Promise<ServerProcess> {
  // The server writes its log straight to a file, as `npm start > log` would: through a pipe to
  // this busy process, a full pipe would stall the server's synchronous log writes.
  const fd = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [...flags, '--import', 'tsx', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const deadline = Date.now() + 300_000;
  let base: string | undefined;
  while (!base) {
    if (exited !== undefined) throw new Error(`${name} exited with ${exited} before it was ready (see ${logFile})`);
    if (Date.now() > deadline) throw new Error(`${name}: not ready after 300 s (see ${logFile})`);
    await new Promise((r) => setTimeout(r, 250));
    base = ready(readFileSync(logFile, 'utf8'));
  }
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
        if (child.exitCode !== null || exited !== undefined) return ok();
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(kill);
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
export async function startDvcServer(
  dataDir: string,
  databaseUrl?: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const env = childEnv({
    ...extraEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // Demo accounts and reference data for the citizen who files (opt-in).
    DVC_DEMO: '1',
    NODE_ENV: 'development',
  });
  // BENCH_DVC_NODE_FLAGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes.
  const flags = (process.env.BENCH_DVC_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  return startProcess('dvc', flags, 'packages/server/src/main.ts', env, join(dataDir, 'server.log'), (out) =>
    /is running/.test(out) ? `http://127.0.0.1:${port}` : undefined,
  );
}

/** The bare route (bare-server.ts) on the same engine. */
export async function startBareServer(dataDir: string, databaseUrl?: string): Promise<ServerProcess> {
  const env = childEnv({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  return startProcess(
    'bare',
    [],
    'scripts/bench/bare-server.ts',
    env,
    join(dataDir, 'bare.log'),
    (out) => /listening (\S+)/.exec(out)?.[1],
  );
}
