import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeWithinBudget, fitWithin, MAX_BYTES, shrunkName } from './image-shrink';

test('fitWithin brings the long edge to the limit and keeps the aspect', () => {
  assert.deepEqual(fitWithin(4000, 3000, 2000), { width: 2000, height: 1500 });
  assert.deepEqual(fitWithin(3024, 4032, 2000), { width: 1500, height: 2000 });
  assert.deepEqual(fitWithin(2000, 10, 2000), { width: 2000, height: 10 });
});

test('fitWithin never enlarges a small picture and never yields a zero edge', () => {
  assert.deepEqual(fitWithin(800, 600, 2000), { width: 800, height: 600 });
  assert.deepEqual(fitWithin(10000, 1, 2000), { width: 2000, height: 1 });
  assert.deepEqual(fitWithin(0, 600, 2000), { width: 0, height: 0 });
});

test('a shrunk photo is named .jpg', () => {
  assert.equal(shrunkName('IMG_0001.HEIC'), 'IMG_0001.jpg');
  assert.equal(shrunkName('giấy tờ.png'), 'giấy tờ.jpg');
  assert.equal(shrunkName('scan'), 'scan.jpg');
});

/** A fake encoder whose output size grows with pixels and quality, like a JPEG's. */
const fakeEncoder = (bytesPerPixelAtFull: number) => {
  const calls: { width: number; height: number; quality: number }[] = [];
  const encode = async (width: number, height: number, quality: number) => {
    calls.push({ width, height, quality });
    return new Blob([new Uint8Array(Math.round(width * height * bytesPerPixelAtFull * quality))]);
  };
  return { encode, calls };
};

test('the quality steps down until the photo fits in 1 MB, at a long edge of 2000 px', async () => {
  const { encode, calls } = fakeEncoder(0.6);
  const out = await encodeWithinBudget(encode, 4032, 3024);
  assert.equal(out.width, 2000);
  assert.equal(out.height, 1500);
  assert.ok(out.blob.size <= MAX_BYTES);
  assert.ok(calls.length > 1, 'the first quality was too big');
  assert.ok(calls.every((c, i) => i === 0 || c.quality < calls[i - 1]!.quality));
});

test('when even the lowest quality is too big, the picture gets smaller', async () => {
  const { encode, calls } = fakeEncoder(3);
  const out = await encodeWithinBudget(encode, 4000, 3000);
  assert.ok(out.blob.size <= MAX_BYTES);
  assert.ok(out.width < 2000);
  assert.equal(calls[0]!.width, 2000);
});
