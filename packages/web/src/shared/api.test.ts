import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { DossierListView } from '@dvc/domain/contract/dossiers';
import { ApiError, api, ContractError } from './api';

/** The browser's fetch, answering one JSON body (the API itself is the server's tests' business). */
const realFetch = globalThis.fetch;
function answer(status: number, json: unknown) {
  globalThis.fetch = async () => new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
}
afterEach(() => {
  globalThis.fetch = realFetch;
});

const summary = {
  code: 'G22.51.21-261201-0001',
  procedureCode: '1.001612',
  procedureName: 'Đăng ký hộ kinh doanh',
  applicantName: 'Nguyễn Văn An',
  channel: 'web',
  channelLabel: 'Cổng dịch vụ công',
  status: 'new',
  statusLabel: 'Mới',
  step: null,
  submittedAt: '2026-12-01T02:00:00.000Z',
  receivedAt: null,
  dueAt: null,
  finishedAt: null,
  unitCode: '21025',
  agencyCode: 'UBND-21025',
  groupCode: null,
  procedureVersion: 1,
  overdue: false,
  dueSoon: false,
};

test('an answer in the shape of its contract reaches the screen, typed by it', async () => {
  answer(200, { items: [summary] });
  const list = await api('/api/v1/dossiers?mine=true', { schema: DossierListView });
  assert.equal(list.items[0]?.code, summary.code);
});

test('an answer that does not match its contract is refused with a clear error, never shown', async () => {
  const logged: unknown[] = [];
  const realError = console.error;
  console.error = (...args: unknown[]) => logged.push(args.join(' '));
  try {
    // The server renamed `status` and sent the due date as a number: the list must not render half-empty.
    const { status: _, ...renamed } = summary;
    answer(200, { items: [{ ...renamed, state: 'new', dueAt: 1764554400000 }] });
    const refused = await api('/api/v1/dossiers?mine=true', { schema: DossierListView }).then(
      () => assert.fail('a drifted answer was accepted'),
      (error: unknown) => error,
    );
    assert.ok(refused instanceof ContractError);
    assert.ok(refused instanceof ApiError, 'screens show it as any failed request');
    assert.equal(refused.title, 'Có lỗi xảy ra. Vui lòng thử lại sau.', 'the citizen reads "please try again"');
    assert.match(refused.message, /GET \/api\/v1\/dossiers: .*items\.0\.status/);
    assert.match(refused.message, /items\.0\.dueAt/);
    assert.equal(logged.length, 1, 'the drift is logged for whoever runs the app');
  } finally {
    console.error = realError;
  }
});
