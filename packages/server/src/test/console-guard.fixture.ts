// Run by console-guard.test.ts in a process of its own: three tests, one of which prints unasked.
import { test } from 'node:test';
import { allowConsoleError } from './console-guard';

test('quiet', () => {});

test('prints an error it did not announce', () => {
  console.error('[jobs] poll', 'connection lost');
});

test('prints an error it expects', () => {
  allowConsoleError(/expected refusal/);
  console.error('an expected refusal');
});
