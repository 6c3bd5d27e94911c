import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Batcher } from './batcher';

test('requests arriving together are served by one batch, each with its own answer', async () => {
  const batches: number[][] = [];
  const doubler = new Batcher<number, number>(async (items) => {
    batches.push(items);
    return items.map((n) => n * 2);
  });
  const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => doubler.run(n)));
  assert.deepEqual(answers, [2, 4, 6, 8, 10]);
  assert.deepEqual(batches, [[1, 2, 3, 4, 5]]);
});

test('what arrives while a batch runs waits for the next one; batches never exceed their size', async () => {
  const batches: number[][] = [];
  const batcher = new Batcher<number, number>(
    async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 20));
      return items;
    },
    { maxBatch: 3 },
  );
  const first = batcher.run(0);
  await new Promise((r) => setImmediate(r)); // the first batch [0] is now running
  const rest = [1, 2, 3, 4].map((n) => batcher.run(n));
  await Promise.all([first, ...rest]);
  assert.deepEqual(batches, [[0], [1, 2, 3], [4]]);
});

test('a batch that fails is run again one by one: only the bad request fails', async () => {
  const batcher = new Batcher<number, number>(async (items) => {
    if (items.includes(13)) throw new Error('13 refused');
    return items.map((n) => n + 1);
  });
  const settled = await Promise.allSettled([1, 13, 2].map((n) => batcher.run(n)));
  assert.deepEqual(
    settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    [2, '13 refused', 3],
  );
});

test('a batch waits for a request announced as on its way, and not forever for one that never comes', async () => {
  const batches: number[][] = [];
  const batcher = new Batcher<number, number>(
    async (items) => {
      batches.push(items);
      return items;
    },
    { maxWaitMs: 200 },
  );
  const checking = batcher.expect();
  const first = batcher.run(1);
  setTimeout(() => {
    void batcher.run(2);
    checking();
  }, 20);
  await first;
  assert.deepEqual(batches, [[1, 2]]);

  batcher.expect(); // announced, but its checks fail and nobody says so
  assert.equal(await batcher.run(3), 3);
  assert.deepEqual(batches, [[1, 2], [3]]);
});

test('with a concurrency of two, what arrives while a batch runs starts at once in a second one, never in a third', async () => {
  let running = 0;
  let most = 0;
  const batches: number[][] = [];
  const batcher = new Batcher<number, number>(
    async (items) => {
      batches.push(items);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
      return items.map((n) => -n);
    },
    { maxBatch: 3, concurrency: 2 },
  );
  const first = batcher.run(0);
  await new Promise((r) => setImmediate(r)); // [0] is running
  const second = batcher.run(1);
  await new Promise((r) => setImmediate(r)); // [1] runs beside it
  assert.equal(running, 2, 'the second batch did not wait for the first');
  const rest = [2, 3, 4, 5].map((n) => batcher.run(n));
  assert.deepEqual(await Promise.all([first, second, ...rest]), [-0, -1, -2, -3, -4, -5]);
  assert.equal(most, 2);
  assert.deepEqual(batches, [[0], [1], [2, 3, 4], [5]]);
});
