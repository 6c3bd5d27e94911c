// One measured load step, driven by autocannon from the bench's process (not the server's).
import autocannon from 'autocannon';

export interface Step {
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers that were 2xx. */
  ok: number;
  /** Answers that were not 2xx, and connection errors. */
  errors: number;
  /** Requests the client gave up on (no answer within the timeout). */
  timeouts: number;
  /** Whole seconds of the step in which no answer at all arrived. */
  silentSeconds: number;
}

export interface StepRequest {
  method: 'POST' | 'GET';
  path: string;
  headers?: Record<string, string>;
  /** A body and extra headers for each request (a fresh Idempotency-Key, the next commune). */
  next?: () => { body: string; headers?: Record<string, string> };
  body?: string;
}

export const CLIENT_TIMEOUT_S = 10;

export async function loadStep(base: string, request: StepRequest, clients: number, seconds: number): Promise<Step> {
  const started = performance.now();
  const perSecond = new Array<number>(Math.ceil(seconds)).fill(0);
  const options: autocannon.Options = {
    url: base,
    connections: clients,
    duration: seconds,
    timeout: CLIENT_TIMEOUT_S,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
        ...(request.next
          ? {
              setupRequest: (req: autocannon.Request) => {
                const n = request.next?.();
                return { ...req, body: n?.body, headers: { ...req.headers, ...n?.headers } } as autocannon.Request;
              },
            }
          : {}),
      },
    ],
  };
  // Without a callback autocannon returns its event emitter, which is also the result's promise.
  const instance = autocannon(options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', () => {
    const second = Math.floor((performance.now() - started) / 1000);
    if (second < perSecond.length) perSecond[second] = (perSecond[second] ?? 0) + 1;
  });
  const r = await instance;
  return {
    perSecond: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    errors: r.non2xx + r.errors - r.timeouts,
    timeouts: r.timeouts,
    silentSeconds: perSecond.filter((n) => n === 0).length,
  };
}
