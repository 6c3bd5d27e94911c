import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type DatabaseHandle, inBackground, openPglite } from './database';
import { BACKGROUND_MAX_WAIT_MS } from './pglite-dialect';

// The driver under test is the embedded database's own; PostgreSQL gives each query a connection.
let handle: DatabaseHandle;
before(async () => {
  handle = await openPglite();
});
after(() => handle.close());

const tick = (label: string, order: string[]) => sql`select 1`.execute(handle.db).then(() => void order.push(label));

test('requests waiting for the embedded connection go before background work that was waiting first', async () => {
  const order: string[] = [];
  let holding!: () => void;
  const held = new Promise<void>((r) => {
    holding = r;
  });
  const transaction = handle.db.transaction().execute(async (trx) => {
    await sql`select 1`.execute(trx);
    await held;
  });
  await new Promise((r) => setTimeout(r, 5));
  const background = inBackground(() => tick('job', order));
  const requests = [1, 2, 3].map((n) => tick(`request ${n}`, order));
  holding();
  await Promise.all([transaction, background, ...requests]);
  assert.deepEqual(order, ['request 1', 'request 2', 'request 3', 'job']);
});

test('background work still gets its turn while requests keep the connection busy', async () => {
  let stop = false;
  let requests = 0;
  const load = Promise.all(
    Array.from({ length: 4 }, async () => {
      while (!stop) {
        // Each request holds the connection a few milliseconds (a short transaction), so some are
        // always waiting for it.
        await handle.db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          await new Promise((r) => setTimeout(r, 3));
        });
        requests++;
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  for (let i = 0; i < 3; i++) await inBackground(() => sql`select 1`.execute(handle.db));
  const waited = performance.now() - t0;
  stop = true;
  await load;
  assert.ok(requests > 20, `requests kept coming (${requests})`);
  // Three background statements, each waiting about BACKGROUND_MAX_WAIT_MS behind the requests.
  assert.ok(waited < 3 * (BACKGROUND_MAX_WAIT_MS + 100), `background waited ${waited.toFixed(0)} ms`);
  assert.ok(waited >= 2 * BACKGROUND_MAX_WAIT_MS, `requests went first (${waited.toFixed(0)} ms)`);
});
