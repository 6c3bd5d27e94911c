import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installOffer, isIosSafari } from './install';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';

const base = { userAgent: ANDROID, maxTouchPoints: 5, standalone: false, dismissed: false, hasPrompt: false };

test('Android offers its own button once the browser says it can install; an iPhone on Safari gets the steps', () => {
  assert.equal(installOffer(base), undefined, 'no prompt from the browser: nothing to offer');
  assert.equal(installOffer({ ...base, hasPrompt: true }), 'prompt');
  assert.equal(installOffer({ ...base, userAgent: IPHONE_SAFARI }), 'ios');
  assert.equal(isIosSafari(IPAD_DESKTOP_MODE, 5), true, 'an iPad asking for desktop pages');
  assert.equal(isIosSafari(IPAD_DESKTOP_MODE, 0), false, 'a Mac');
  assert.equal(installOffer({ ...base, userAgent: IPHONE_CHROME }), undefined, 'Chrome on iOS cannot add to the home screen');
});

test('no offer once installed or dismissed on this device', () => {
  assert.equal(installOffer({ ...base, hasPrompt: true, standalone: true }), undefined);
  assert.equal(installOffer({ ...base, hasPrompt: true, dismissed: true }), undefined);
  assert.equal(installOffer({ ...base, userAgent: IPHONE_SAFARI, dismissed: true }), undefined);
});
