import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { act, fileOnline, login, uploaded } from '../dossiers/dossiers.test-helpers';
import type { SignedIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { type FuzzRequest, type OpenApiDocument, operationsOf, RequestGenerator } from './fuzz.generator';

/**
 * ≥ 5,000 malformed requests over every route of /api/openapi.json, anonymous and signed in as a
 * citizen, a desk officer and a province administrator: none may answer 5xx, every 4xx is
 * problem+json, and no table changes. Replay a failure with FUZZ_SEED=<seed> (FUZZ_COUNT to change
 * the number of requests).
 */
// A fixed default seed keeps CI reproducible; FUZZ_SEED=random explores new inputs.
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 5200);

/**
 * The one table a refused request legitimately writes: the audit log records every state-changing
 * request, refused ones included (a refused sign-in is what an auditor looks for). Rate-limit
 * counters live in memory, not in a table.
 */
const CHANGING_TABLES = new Set(['audit_log']);

let t: TestApp;
const who: Record<string, SignedIn | null> = { anonymous: null };
let known: Record<string, string> = {};
before(async () => {
  t = await createTestApp();
  who.citizen = await login(t.app, 'citizen');
  who.receiver = await login(t.app, 'receiver');
  who.provinceAdmin = await login(t.app, 'provinceAdmin');
  const specialist = await login(t.app, 'specialist');
  // A dossier the desk has received: the officer's events (assign, …) reach the state machine.
  const filed = await fileOnline(t.app, who.citizen);
  const received = await act(t.app, who.receiver, filed.code, { type: 'receive' });
  assert.equal(received.statusCode, 200, received.body);
  known = {
    code: filed.code,
    sha256: await uploaded(t.ctx, who.citizen, 'fuzz'),
    fileId: await uploaded(t.ctx, who.citizen, 'fuzz-2'),
    procedureCode: '1.001612',
    unitCode: '21025',
    componentId: 'giay-de-nghi',
    phone: '0905000001',
    type: 'assign',
    specialistId: specialist.body.user.id,
    date: '2026-09-03',
  };
});
after(() => t.close());

async function tableNames(): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.ctx.db);
  return r.rows.map((x) => x.name);
}

/** Row count and a digest of every row, per table. */
async function fingerprint(tables: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of tables) {
    const r = await sql<{ n: number; digest: string | null }>`
      select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as digest
      from ${sql.table(name)} x`.execute(t.ctx.db);
    out.set(name, `${r.rows[0]?.n} rows, ${r.rows[0]?.digest}`);
  }
  return out;
}

/** What is wrong with the answer to a malformed request, or null when it is a proper refusal. */
function judge(method: string, status: number, type: string, body: string, contentType?: string): string | null {
  if (status >= 500) return `${status} ${body.slice(0, 200)}`;
  // The callbot's routes are fetched by an IVR platform, whose <submit> sends form-urlencoded fields
  // (VoiceXML 2.1 §5.3.8): a caller's wrong or missing keys get a spoken dialogue back, not an HTTP error.
  if (status === 200 && type.startsWith('application/voicexml+xml') && contentType === 'application/x-www-form-urlencoded')
    return null;
  // OPTIONS is tus's capability discovery: answered from the protocol alone, whatever the request.
  if (status < 400) return method === 'OPTIONS' ? null : `accepted with ${status}`;
  if (!type.startsWith('application/problem+json')) return `${status} as ${type || 'no content type'}`;
  if (method === 'HEAD') return null; // no body to read
  const p = JSON.parse(body) as { title?: string; status?: number };
  const vietnamese = /[àáảãạăâđèéêìíòóôơùúưỳýạ-ỹ]/i.test(p.title ?? '');
  return p.status === status && vietnamese ? null : `problem without a Vietnamese title: ${body.slice(0, 200)}`;
}

function describe(req: FuzzRequest, identity: string, index: number): string {
  const payload = req.payload === undefined ? '' : `\n  body: ${req.payload.slice(0, 300)}${req.payload.length > 300 ? '…' : ''}`;
  return `FUZZ_SEED=${SEED} request #${index} as ${identity}: ${req.defect}\n  ${req.method} ${req.url.slice(0, 300)}\n  headers: ${JSON.stringify(req.headers)}${payload}`;
}

test(`${COUNT} malformed requests over every route: no 5xx, problem+json 4xx, no row changed (seed ${SEED})`, async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
  const operations = operationsOf(doc);
  assert.ok(operations.length >= 60, `only ${operations.length} operations in the OpenAPI document`);
  const tables = (await tableNames()).filter((name) => !CHANGING_TABLES.has(name));
  const before = await fingerprint(tables);
  const generator = new RequestGenerator(SEED, known);
  const identities = Object.keys(who);
  const failures: string[] = [];
  const reached = new Set<string>();
  for (let i = 0; i < COUNT; i += 1) {
    const op = operations[i % operations.length]!;
    const identity = identities[Math.floor(i / operations.length) % identities.length]!;
    const req = generator.next(op);
    const session = who[identity];
    const res = await t.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: session ? { ...req.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken } : req.headers,
      payload: req.payload,
      // A fresh address per request: the per-address limits of the sign-in routes stay out of the way.
      remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    });
    reached.add(`${op.method} ${op.path}`);
    const failure = judge(
      req.method,
      res.statusCode,
      String(res.headers['content-type'] ?? ''),
      res.body,
      req.headers['content-type'],
    );
    if (failure) failures.push(`${failure}\n${describe(req, identity, i)}`);
    if (failures.length >= Number(process.env.FUZZ_MAX_FAILURES ?? 20)) break;
  }
  assert.deepEqual(failures, [], `${failures.length} bad answers:\n\n${failures.join('\n\n')}`);
  assert.equal(reached.size, operations.length, 'every route was sent requests');
  const afterRows = await fingerprint(tables);
  const changed = tables.filter((name) => before.get(name) !== afterRows.get(name));
  assert.deepEqual(
    changed.map((name) => `${name}: ${before.get(name)} → ${afterRows.get(name)}`),
    [],
    `tables changed (FUZZ_SEED=${SEED})`,
  );
  // The fingerprint does see a write: a proper sign-out ends the citizen's session row.
  const citizen = who.citizen!;
  const signOut = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
  });
  assert.equal(signOut.statusCode, 204);
  assert.notEqual((await fingerprint(['session'])).get('session'), afterRows.get('session'));
});
