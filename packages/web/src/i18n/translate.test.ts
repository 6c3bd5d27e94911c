import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_LABELS_EN, EVENT_LABELS_VI } from '@dvc/domain/dossier/events';
import { dataLabel, translate } from './index';

test('English counts agree with their noun: "1 procedure", "2 procedures"; Vietnamese has one form', () => {
  assert.equal(translate('en', 'procedures.count', { count: 1 }), '1 procedure');
  assert.equal(translate('en', 'procedures.count', { count: 2 }), '2 procedures');
  assert.equal(translate('en', 'filing.fix', { count: 1 }), 'Please fix 1 item:');
  assert.equal(translate('en', 'attachments.count', { count: 1 }), '1 file attached');
  assert.equal(translate('vi', 'procedures.count', { count: 1 }), '1 thủ tục');
});

test('in English the history and the topics read in English; data the catalogs do not know stays as sent', () => {
  assert.equal(dataLabel('en', 'event', 'receive', 'Tiếp nhận hồ sơ'), EVENT_LABELS_EN.receive);
  assert.equal(dataLabel('vi', 'event', 'receive', 'Tiếp nhận hồ sơ'), EVENT_LABELS_VI.receive);
  assert.equal(dataLabel('en', 'topic', 'ho-tich', 'Hộ tịch'), 'Civil status');
  assert.equal(dataLabel('en', 'topic', 'dat-dai', 'Đất đai'), 'Đất đai', "an administrator's own topic keeps its name");
  for (const [event, label] of Object.entries(EVENT_LABELS_EN)) assert.equal(dataLabel('en', 'event', event, '?'), label);
});
