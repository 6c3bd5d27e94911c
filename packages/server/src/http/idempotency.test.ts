import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../test/harness';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestHash } from './idempotency';
import { ProblemError } from './problem';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase();
});
after(() => handle.close());

const T0 = new Date('2026-11-30T02:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const ref = () => ({ provinceCode: '51', userId: randomUUID(), key: randomUUID() });

async function refusal(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return err.status;
    throw err;
  }
  return 0;
}

test('the body hash ignores key order, so a retry of the same dossier matches', () => {
  assert.equal(requestHash('POST', '/x', { a: 1, b: { c: 2, d: 3 } }), requestHash('POST', '/x', { b: { d: 3, c: 2 }, a: 1 }));
  assert.notEqual(requestHash('POST', '/x', { a: 1 }), requestHash('POST', '/x', { a: 2 }));
});

test('while the first request runs, a retry is told to wait (409); once done, it gets the same answer', async () => {
  const r = ref();
  assert.deepEqual(await claimIdempotencyKey(handle.db, r, 'h', T0), { kind: 'claimed' });
  assert.equal(await refusal(claimIdempotencyKey(handle.db, r, 'h', later(1000))), 409);
  await completeIdempotencyKey(handle.db, r, { status: 201, body: { code: 'UBND.21025-261130-0001' } });
  const replay = await claimIdempotencyKey(handle.db, r, 'h', later(2000));
  assert.deepEqual(replay, { kind: 'replay', answer: { status: 201, body: { code: 'UBND.21025-261130-0001' } } });
});

test('the same key with another body is refused (422), in flight or done', async () => {
  const r = ref();
  await claimIdempotencyKey(handle.db, r, 'h1', T0);
  assert.equal(await refusal(claimIdempotencyKey(handle.db, r, 'h2', later(10))), 422);
});

test('a request whose server crashed mid-way can be retried once its lease runs out', async () => {
  const r = ref();
  await claimIdempotencyKey(handle.db, r, 'h', T0);
  assert.equal(await refusal(claimIdempotencyKey(handle.db, r, 'h', later(10_000))), 409);
  assert.deepEqual(await claimIdempotencyKey(handle.db, r, 'h', later(31_000)), { kind: 'claimed' });
});

test('a request that failed its checks frees the key for a corrected retry', async () => {
  const r = ref();
  await claimIdempotencyKey(handle.db, r, 'bad', T0);
  await releaseIdempotencyKey(handle.db, r);
  assert.deepEqual(await claimIdempotencyKey(handle.db, r, 'good', later(10)), { kind: 'claimed' });
});

test("keys are per user: another user's identical key is a different request", async () => {
  const r = ref();
  await claimIdempotencyKey(handle.db, r, 'h', T0);
  assert.deepEqual(await claimIdempotencyKey(handle.db, { ...r, userId: randomUUID() }, 'h', T0), { kind: 'claimed' });
});
