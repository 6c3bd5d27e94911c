import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate } from './index';

test('English counts agree with their noun: "1 procedure", "2 procedures"; Vietnamese has one form', () => {
  assert.equal(translate('en', 'procedures.count', { count: 1 }), '1 procedure');
  assert.equal(translate('en', 'procedures.count', { count: 2 }), '2 procedures');
  assert.equal(translate('en', 'filing.fix', { count: 1 }), 'Please fix 1 item:');
  assert.equal(translate('en', 'attachments.count', { count: 1 }), '1 file attached');
  assert.equal(translate('vi', 'procedures.count', { count: 1 }), '1 thủ tục');
});
