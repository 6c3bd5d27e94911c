import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en as domainEn } from '@dvc/domain/i18n/en';
import { vi as domainVi } from '@dvc/domain/i18n/vi';
import { dataLabel, translate } from './index';

test('English counts agree with their noun: "1 procedure", "2 procedures"; Vietnamese has one form', () => {
  assert.equal(translate('en', 'procedures.count', { count: 1 }), '1 procedure');
  assert.equal(translate('en', 'procedures.count', { count: 2 }), '2 procedures');
  assert.equal(translate('en', 'filing.fix', { count: 1 }), 'Please fix 1 item:');
  assert.equal(translate('en', 'attachments.count', { count: 1 }), '1 file attached');
  assert.equal(translate('vi', 'procedures.count', { count: 1 }), '1 thủ tục');
});

test('in English the history and the topics read in English; data the catalogs do not know stays as sent', () => {
  assert.equal(dataLabel('en', 'event', 'receive', 'Tiếp nhận hồ sơ'), domainEn['event.receive']);
  assert.equal(dataLabel('vi', 'event', 'receive', 'Tiếp nhận hồ sơ'), domainVi['event.receive']);
  assert.equal(dataLabel('en', 'topic', 'ho-tich', 'Hộ tịch'), 'Civil status');
  assert.equal(dataLabel('en', 'topic', 'dat-dai', 'Đất đai'), 'Đất đai', "an administrator's own topic keeps its name");
  for (const [key, label] of Object.entries(domainEn)) {
    const [prefix, event] = key.split('.');
    if (prefix === 'event') assert.equal(dataLabel('en', 'event', event ?? '', '?'), label);
  }
});

test("the web reads a dossier's state, step, role, channel and event as the server's documents do, in both languages", () => {
  const prefixes = ['state', 'step', 'role', 'channel', 'event'] as const;
  for (const [locale, catalog] of [
    ['vi', domainVi],
    ['en', domainEn],
  ] as const) {
    for (const [key, label] of Object.entries(catalog)) {
      const [prefix, id] = key.split('.') as [string, string];
      const known = prefixes.find((p) => p === prefix);
      if (known) assert.equal(dataLabel(locale, known, id, '?'), label, `${locale} ${key}`);
    }
  }
});
