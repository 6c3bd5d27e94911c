import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelFor } from './channel';

test('the installed app always files on the mobile channel, even on a big screen', () => {
  assert.equal(channelFor({ standalone: true, coarsePointer: false, screenWidth: 1920, screenHeight: 1080 }), 'mobile');
});

test('a phone browser (touch, short side ≤ 600 px) files on mobile, in either orientation', () => {
  assert.equal(channelFor({ standalone: false, coarsePointer: true, screenWidth: 360, screenHeight: 780 }), 'mobile');
  assert.equal(channelFor({ standalone: false, coarsePointer: true, screenWidth: 844, screenHeight: 390 }), 'mobile');
});

test('a desktop, a touch laptop or a tablet browser files on web', () => {
  assert.equal(channelFor({ standalone: false, coarsePointer: false, screenWidth: 1366, screenHeight: 768 }), 'web');
  assert.equal(channelFor({ standalone: false, coarsePointer: true, screenWidth: 1280, screenHeight: 800 }), 'web');
  assert.equal(channelFor({ standalone: false, coarsePointer: true, screenWidth: 820, screenHeight: 1180 }), 'web');
  // A narrow desktop window with a mouse is still the web portal.
  assert.equal(channelFor({ standalone: false, coarsePointer: false, screenWidth: 390, screenHeight: 844 }), 'web');
});
