import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOnlineOnly, onlineOnlyPolicyOn } from './intake-policy';

const definition = {
  onlineOnly: [
    {
      from: '2023-06-01',
      basis: 'Công văn của UBND tỉnh',
      exceptions: [
        { id: 'truong-hop-dac-biet', label: { vi: 'Trường hợp đặc biệt' }, requiresReason: true },
        { id: 'nguoi-khuyet-tat', label: { vi: 'Người khuyết tật' }, requiresReason: false },
      ],
    },
    { from: '2025-07-01', basis: 'Công văn mới, không ngoại lệ', exceptions: [] },
  ],
};

test('online-only by date: online filings always pass; the counter needs an allowed exception', () => {
  assert.equal(onlineOnlyPolicyOn(definition, '2023-05-31'), undefined);
  assert.equal(onlineOnlyPolicyOn(definition, '2024-01-01')?.basis, 'Công văn của UBND tỉnh');
  assert.equal(onlineOnlyPolicyOn(definition, '2025-07-01')?.basis, 'Công văn mới, không ngoại lệ');
  assert.deepEqual(checkOnlineOnly(definition, 'web', '2024-01-01'), { ok: true });
  assert.deepEqual(checkOnlineOnly(definition, 'direct', '2023-05-31'), { ok: true });
  const refused = checkOnlineOnly(definition, 'direct', '2024-01-01');
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? '' : refused.message, /^Từ 01\/06\/2023 thủ tục chỉ tiếp nhận trực tuyến/);
  // The special case needs its reason written down; another listed exception does not.
  assert.equal(checkOnlineOnly(definition, 'direct', '2024-01-01', { id: 'truong-hop-dac-biet' }).ok, false);
  assert.equal(checkOnlineOnly(definition, 'direct', '2024-01-01', { id: 'truong-hop-dac-biet', reason: '  ' }).ok, false);
  assert.equal(checkOnlineOnly(definition, 'direct', '2024-01-01', { id: 'truong-hop-dac-biet', reason: 'Mất điện' }).ok, true);
  assert.equal(checkOnlineOnly(definition, 'direct', '2024-01-01', { id: 'nguoi-khuyet-tat' }).ok, true);
  assert.equal(checkOnlineOnly(definition, 'direct', '2024-01-01', { id: 'khong-co' }).ok, false);
  // A later policy without exceptions replaces the earlier one.
  assert.equal(checkOnlineOnly(definition, 'direct', '2025-07-01', { id: 'nguoi-khuyet-tat' }).ok, false);
});
