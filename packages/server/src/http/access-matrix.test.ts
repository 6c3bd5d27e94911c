import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { nextIp } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { MATRIX, type MatrixCase } from './access-matrix.cases';
import { ACTORS, type ActorName, createMatrixFixture, type MatrixFixture } from './access-matrix.fixture';
import { declaredRoutesOf, ROUTE_ACCESS } from './route-access';

/**
 * Every route × every kind of person, generated from the routes the app declares: a route without
 * a case here (or without a rule in route-access.ts, which stops the app) fails this file.
 */

type Outcome = 'ok' | 401 | 403 | 404;

/**
 * Holes the matrix finds that are being fixed elsewhere (one line each, `route actor: expected,
 * got`). When one is fixed this list must lose its line: the test compares the whole list.
 */

let t: TestApp;
let f: MatrixFixture;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  f = await createMatrixFixture(t);
});
after(() => t.close());

function expected(c: MatrixCase, who: ActorName): Outcome {
  if (c.ok.includes(who)) return 'ok';
  if (c.hidden?.includes(who)) return 404;
  return who === 'anonymous' ? 401 : 403;
}

function outcomeOf(c: MatrixCase, status: number): Outcome | number {
  if (status === 503 && c.needsOutsideService) return 'ok';
  if (status === 401 || status === 403 || status >= 500) return status;
  if (status === 404) return c.absent ? 'ok' : 404;
  return 'ok';
}

/** `METHOD url` of every route as the router prints it (independent of the onRoute list). */
function printedRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = line.match(/^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]?.split(', ') ?? []) out.push(`${method} ${path}`);
  }
  return out;
}

async function ask(app: FastifyInstance, method: string, key: string, c: MatrixCase, who: ActorName) {
  const r = c.request(f);
  const session = who === 'anonymous' ? undefined : c.endsSession ? await f.freshSession(who) : f.sessions[who];
  const options: InjectOptions = {
    method: method as InjectOptions['method'],
    url: r.url,
    headers: { ...r.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    ...(r.payload === undefined ? {} : { payload: r.payload as InjectOptions['payload'] }),
    ...(c.ownAddress ? { remoteAddress: nextIp() } : {}),
  };
  const res = await app.inject(options);
  return { key, who, status: res.statusCode, body: res.body };
}

test('every route the app declares has a rule and a row in the access matrix', () => {
  const declared = declaredRoutesOf(t.app);
  assert.ok(declared.length > 50, `only ${declared.length} routes seen: is routeAccessPlugin registered first?`);
  const seen = new Set(declared.map((r) => `${r.method} ${r.url}`));
  // A route the router has but the access plugin never saw would have no check at all.
  // The router prints a wildcard route without its last static segment (/api/docs/static/* as /api/docs/*).
  const wildcards = [...seen].filter((r) => r.endsWith('*'));
  const unseen = printedRoutes(t.app).filter(
    (r) =>
      !seen.has(r) &&
      !seen.has(r.replace(/\/$/, '')) &&
      !(r.endsWith('*') && wildcards.some((w) => w.startsWith(r.slice(0, -1)))),
  );
  assert.deepEqual(unseen, []);
  const withoutCase = declared
    .filter((r) => !MATRIX[`${r.method} ${r.url}`] && !(r.method === 'HEAD' && MATRIX[`GET ${r.url}`]))
    .map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(withoutCase, [], 'add these routes to access-matrix.cases.ts');
  // A rule for a route that no longer exists hides a typo or a renamed route.
  const stale = Object.keys(ROUTE_ACCESS).filter((k) => k.includes(' /api/v1/') && !seen.has(k));
  assert.deepEqual(stale, [], 'rules in route-access.ts without a route');
});

test("the other way round: citizen B's dossier at agency B is hidden from citizen A and desk A", async () => {
  const status = async (who: 'citizenA' | 'deskA' | 'citizenB' | 'deskB', url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: { cookie: f.sessions[who].cookie } })).statusCode;
  for (const url of [`/api/v1/dossiers/${f.dossierB}`, `/api/v1/dossiers/${f.dossierB}/payments`]) {
    assert.deepEqual(
      [await status('citizenA', url), await status('deskA', url), await status('citizenB', url), await status('deskB', url)],
      [404, 404, 200, 200],
      url,
    );
  }
});

test('each person gets from each route what the rules say (sessions, kinds, roles, ownership)', async () => {
  const declared = declaredRoutesOf(t.app);
  const deviations: string[] = [];
  const errors: string[] = [];
  for (const route of declared) {
    const key = `${route.method} ${route.url}`;
    const c = MATRIX[key] ?? (route.method === 'HEAD' ? MATRIX[`GET ${route.url}`] : undefined);
    if (!c) continue; // reported by the test above
    for (const who of ACTORS) {
      const r = await ask(t.app, route.method, key, c, who);
      const want = expected(c, who);
      const got = outcomeOf(c, r.status);
      if (typeof got === 'number' && got >= 500) errors.push(`${key} ${who}: ${r.status} ${r.body.slice(0, 200)}`);
      else if (got !== want) deviations.push(`${key} ${who}: expected ${want}, got ${r.status}`);
    }
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(deviations.sort(), []);
});
