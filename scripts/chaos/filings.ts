import { randomUUID } from 'node:crypto';
import { householdRegistration, tinyPdf } from '../../packages/server/src/dossiers/dossiers.test-helpers';
import { DEMO_PASSWORD } from '../../packages/server/src/identity/identity.seed';
import type { LoadResult } from '../bench/load';
import { sleep } from './server';

const CITIZEN_PHONE = '0905000001';
const PROCEDURE = '1.001612';
const REQUEST_TIMEOUT_MS = 30_000;

/** One filing of the run: its own Idempotency-Key, its own business name, its body as first sent. */
export interface Filing {
  key: string;
  name: string;
  body: string;
  /** The code of the 201 that reached the client: acknowledged. */
  ackedCode?: string;
  attempts: number;
  /** Acknowledged on a retry with the stored answer of an earlier try (written, its answer lost). */
  replayed?: boolean;
  /** The last answer that was not a 201 (for the report). */
  lastError?: string;
  /** A 4xx other than 409/429: retrying cannot help, the filing is given up. */
  refused?: boolean;
}

export interface Citizen {
  cookie: string;
  csrfToken: string;
}

export async function signInCitizen(base: string): Promise<Citizen> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: CITIZEN_PHONE, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in → ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: me.csrfToken };
}

/** Uploads one PDF through tus, as the phone does; answers its file id. */
async function upload(base: string, who: Citizen, componentId: string, label: string): Promise<string> {
  const bytes = tinyPdf(label);
  const meta = { filename: `${label}.pdf`, procedureCode: PROCEDURE, componentId };
  const headers = { 'tus-resumable': '1.0.0', cookie: who.cookie, 'x-csrf-token': who.csrfToken };
  const created = await fetch(`${base}/api/v1/uploads/`, {
    method: 'POST',
    headers: {
      ...headers,
      'upload-length': String(bytes.length),
      'upload-metadata': Object.entries(meta)
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(','),
    },
  });
  if (created.status !== 201) throw new Error(`upload ${label} → ${created.status} ${await created.text()}`);
  const done = await fetch(new URL(created.headers.get('location')!, base), {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  const fileId = done.headers.get('upload-file-id');
  if (done.status !== 204 || !fileId) throw new Error(`upload ${label} → ${done.status} ${await done.text()}`);
  return fileId;
}

/**
 * `count` household registrations over ten communes (as a province's load spreads), each with its
 * own key and business name (names are unique per commune), sharing the two uploaded papers.
 */
export async function prepareFilings(base: string, who: Citizen, count: number, runId: string): Promise<Filing[]> {
  const attachments = [
    { componentId: 'giay-de-nghi', fileId: await upload(base, who, 'giay-de-nghi', `chaos-${runId}-de-nghi`) },
    { componentId: 'giay-to-phap-ly-ca-nhan', fileId: await upload(base, who, 'giay-to-phap-ly-ca-nhan', `chaos-${runId}-cccd`) },
  ];
  const units = await fetch(`${base}/api/v1/admin-units?level=commune`);
  const communes = ((await units.json()) as { items: Array<{ code: string }> }).items
    .map((u) => u.code)
    .sort()
    .slice(0, 10);
  if (communes.length === 0) throw new Error('no commune in the reference data');
  return Array.from({ length: count }, (_, i) => {
    const unitCode = communes[i % communes.length]!;
    const registration = householdRegistration({ attachments, unitCode });
    const name = `${businessNamePrefix(runId)}${i + 1}`;
    const form = { ...registration.form, businessName: name, location: { unitCode, street: '12 Lê Lợi' } };
    return { key: randomUUID(), name, body: JSON.stringify({ ...registration, form }), attempts: 0 };
  });
}

export function businessNamePrefix(runId: string): string {
  return `Hộ kinh doanh Thử tải ${runId} số `;
}

export interface ClientRun {
  load: LoadResult;
  /** Requests that got no answer at all (connection refused or cut, timeout). */
  unanswered: number;
  /** Answers other than 201, by status. */
  statuses: Map<number, number>;
}

/**
 * `clients` workers file every filing, each request until it is acknowledged (201) or refused (a
 * 4xx that a retry cannot change). A request that got no answer, a 5xx, a 409 (the first try still
 * in flight) or a 429 is sent again later with the same key and body. `onAck` sees each
 * acknowledgement (the run kills the server from there). Bounded: no request after `deadline`, nor
 * once `stopped()` says so (the server could not be started again).
 */
export async function fileAll(
  base: string,
  who: Citizen,
  filings: Filing[],
  clients: number,
  deadline: number,
  onAck: (acked: number) => void,
  stopped: () => boolean,
): Promise<ClientRun> {
  const todo = [...filings];
  let inFlight = 0;
  let acked = 0;
  let unanswered = 0;
  let errors = 0;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const started = performance.now();

  const attempt = async (f: Filing): Promise<'acked' | 'retry' | 'refused'> => {
    f.attempts++;
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: who.cookie,
          'x-csrf-token': who.csrfToken,
          'idempotency-key': f.key,
        },
        body: f.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (res.status === 201) {
        f.ackedCode = (JSON.parse(text) as { code: string }).code;
        f.replayed = res.headers.get('idempotent-replayed') === 'true';
        return 'acked';
      }
      errors++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      f.lastError = `${res.status} ${text.slice(0, 200)}`;
      return res.status >= 500 || res.status === 409 || res.status === 429 ? 'retry' : 'refused';
    } catch (err) {
      latencies.push(performance.now() - t0);
      errors++;
      unanswered++;
      f.lastError = (err as Error).cause ? String((err as Error).cause) : String(err);
      return 'retry';
    }
  };

  await Promise.all(
    Array.from({ length: clients }, async () => {
      let backoff = 50;
      while ((todo.length > 0 || inFlight > 0) && Date.now() < deadline && !stopped()) {
        const f = todo.shift();
        if (!f) {
          await sleep(20); // another client's filing may come back for a retry
          continue;
        }
        inFlight++;
        const outcome = await attempt(f);
        inFlight--;
        if (outcome === 'acked') {
          backoff = 50;
          onAck(++acked);
        } else if (outcome === 'refused') {
          f.refused = true;
        } else {
          todo.push(f);
          // While the server is down, a client waits a little longer each time (at most 1 s).
          await sleep(backoff);
          backoff = Math.min(1000, backoff * 2);
        }
      }
    }),
  );

  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    load: { requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) },
    unanswered,
    statuses,
  };
}
