import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  backoffMs,
  base64ToBytes,
  bytesToBase64,
  type DossierSubmission,
  enqueue,
  flushOutbox,
  formFieldPath,
  type OutboxDeps,
  type OutboxItem,
  type PendingFile,
} from './outbox';
import { memoryStore } from './record-store';
import { generateSealKey, type Sealed, sealedStore } from './sealed-store';

const body: DossierSubmission = {
  procedureCode: '1.001612',
  unitCode: '21115',
  channel: 'mobile',
  form: { businessName: 'Tạp hóa Hoa Mai' },
  attachments: [],
  delivery: 'electronic',
};

type Answer = { status: number; json?: unknown } | 'network-down';

/** A fake server: answers in order, records what it was sent. */
function fakeFetch(answers: Answer[]) {
  const calls: { key: string; csrf: string; body: unknown }[] = [];
  const fn = (async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({
      key: headers['idempotency-key'] ?? '',
      csrf: headers['x-csrf-token'] ?? '',
      body: JSON.parse(String(init.body)),
    });
    const answer = answers.shift() ?? { status: 500 };
    if (answer === 'network-down') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.json ?? {}), { status: answer.status });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

function setup(answers: Answer[], { online = true } = {}) {
  let now = new Date('2026-11-28T02:00:00Z');
  const store = memoryStore<OutboxItem>();
  const server = fakeFetch(answers);
  const sentEvents: OutboxItem[] = [];
  const deps: OutboxDeps = {
    store,
    fetch: server.fn,
    csrfToken: () => 'csrf-1',
    now: () => now,
    isOnline: () => online,
    onSent: (item) => {
      sentEvents.push(item);
    },
  };
  return {
    deps,
    server,
    sentEvents,
    store,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    setOnline: (v: boolean) => {
      online = v;
    },
  };
}

const created = { status: 201, json: { code: 'QNG-2611-000123', status: 'new' } };

test('a 201 marks the item sent, keeps the dossier code, and sends key and CSRF token', async () => {
  const s = setup([created]);
  const item = await enqueue(s.deps, { body, procedureName: 'Đăng ký thành lập hộ kinh doanh', draftId: 'd1' });
  const result = await flushOutbox(s.deps);
  assert.deepEqual(result, { sent: 1, failed: 0, pending: 0, interrupted: false });
  const stored = await s.store.get(item.id);
  assert.equal(stored?.status, 'sent');
  assert.equal(stored?.dossierCode, 'QNG-2611-000123');
  assert.equal(s.server.calls[0]?.key, item.idempotencyKey);
  assert.equal(s.server.calls[0]?.csrf, 'csrf-1');
  assert.deepEqual(s.server.calls[0]?.body, body);
  assert.equal(s.sentEvents[0]?.draftId, 'd1');
});

test('the appointment the server gave at filing is kept, for the confirmation and the dossier page', async () => {
  const s = setup([{ status: 201, json: { ...created.json, expectedDueAt: '2026-12-04T07:20:00.000Z' } }]);
  const item = await enqueue(s.deps, { body, procedureName: 'Đăng ký thành lập hộ kinh doanh' });
  await flushOutbox(s.deps);
  assert.equal((await s.store.get(item.id))?.expectedDueAt, '2026-12-04T07:20:00.000Z');
});

test('a network error keeps it pending with the same key; the retry after backoff is sent exactly once', async () => {
  const s = setup(['network-down', { status: 201, json: { code: 'QNG-1', status: 'new' } }]);
  const item = await enqueue(s.deps, { body, procedureName: 'x' });
  const first = await flushOutbox(s.deps);
  assert.equal(first.interrupted, true);
  assert.equal((await s.store.get(item.id))?.status, 'pending');
  assert.equal((await s.store.get(item.id))?.lastError, 'network');
  // Not due yet: nothing is sent.
  await flushOutbox(s.deps);
  assert.equal(s.server.calls.length, 1);
  s.advance(backoffMs(1));
  await flushOutbox(s.deps);
  await flushOutbox(s.deps); // already sent: not sent again
  assert.equal(s.server.calls.length, 2);
  assert.equal(s.server.calls[0]?.key, s.server.calls[1]?.key);
  assert.equal((await s.store.get(item.id))?.status, 'sent');
});

test('a replay (the server had it already) also counts as sent', async () => {
  const s = setup([{ status: 201, json: { code: 'QNG-9', status: 'new' } }]);
  const item = await enqueue(s.deps, { body, procedureName: 'x' });
  await flushOutbox(s.deps, { force: true });
  assert.equal((await s.store.get(item.id))?.dossierCode, 'QNG-9');
});

test('a validation answer marks it failed with the field errors for the form', async () => {
  const errors = [{ field: 'body.form.owner.citizenId', message: 'Số định danh cá nhân không hợp lệ' }];
  const s = setup([{ status: 400, json: { title: 'Dữ liệu gửi lên không hợp lệ', errors } }]);
  const item = await enqueue(s.deps, { body, procedureName: 'x' });
  const result = await flushOutbox(s.deps);
  assert.equal(result.failed, 1);
  const stored = await s.store.get(item.id);
  assert.equal(stored?.status, 'failed');
  assert.equal(stored?.lastError, 'Dữ liệu gửi lên không hợp lệ');
  assert.deepEqual(stored?.fieldErrors, errors);
  assert.equal(formFieldPath(errors[0]!.field), 'owner.citizenId');
  await flushOutbox(s.deps, { force: true });
  assert.equal(s.server.calls.length, 1, 'a failed item is not resent by itself');
});

test('offline: nothing is attempted, items stay pending', async () => {
  const s = setup([created], { online: false });
  await enqueue(s.deps, { body, procedureName: 'x' });
  const result = await flushOutbox(s.deps);
  assert.equal(s.server.calls.length, 0);
  assert.deepEqual(result, { sent: 0, failed: 0, pending: 1, interrupted: true });
});

test('server trouble (5xx), a lost session (401) and "still in flight" (409) keep it pending', async () => {
  for (const status of [503, 401, 409]) {
    const s = setup([{ status }]);
    const item = await enqueue(s.deps, { body, procedureName: 'x' });
    await flushOutbox(s.deps);
    const stored = await s.store.get(item.id);
    assert.equal(stored?.status, 'pending', `status ${status}`);
    assert.ok(new Date(stored!.nextAttemptAt) > new Date('2026-11-28T02:00:00Z'));
  }
});

test('filed against an older version: "Thủ tục đã thay đổi" keeps the item, its values and what to check', async () => {
  const changed = {
    status: 409,
    json: {
      type: 'https://dvc.quangngai.gov.vn/problems/procedure-changed',
      title: 'Thủ tục đã thay đổi',
      detail: 'Biểu mẫu của thủ tục đã thay đổi, vui lòng kiểm tra lại',
      errors: [{ field: 'body.form.owner.residence', message: 'Vui lòng nhập nơi thường trú' }],
      currentVersion: 2,
    },
  };
  const s = setup([changed]);
  const filed: DossierSubmission = { ...body, procedureVersion: 1 };
  const item = await enqueue(s.deps, { body: filed, procedureName: 'x' });
  const result = await flushOutbox(s.deps);
  assert.equal(result.failed, 1);
  assert.equal((s.server.calls[0]!.body as DossierSubmission).procedureVersion, 1, 'the version is sent');
  const stored = await s.store.get(item.id);
  assert.equal(stored?.status, 'failed');
  assert.equal(stored?.lastError, 'Thủ tục đã thay đổi');
  assert.deepEqual(stored?.procedureChanged, {
    currentVersion: 2,
    detail: 'Biểu mẫu của thủ tục đã thay đổi, vui lòng kiểm tra lại',
  });
  assert.deepEqual(stored?.body, filed, 'the values stay on the phone');
  assert.equal(formFieldPath(stored!.fieldErrors![0]!.field), 'owner.residence');
  await flushOutbox(s.deps, { force: true });
  assert.equal(s.server.calls.length, 1, 'not resent by itself: the citizen checks the new form first');
  assert.equal(s.sentEvents.length, 0, 'the draft is not dropped');
});

test('a plain 409 (the same key still in flight) is not mistaken for a changed procedure', async () => {
  const s = setup([{ status: 409, json: { type: 'https://dvc.quangngai.gov.vn/problems/idempotency-in-flight', title: 'x' } }]);
  const item = await enqueue(s.deps, { body, procedureName: 'x' });
  await flushOutbox(s.deps);
  const stored = await s.store.get(item.id);
  assert.equal(stored?.status, 'pending');
  assert.equal(stored?.procedureChanged, undefined);
});

test('backoff doubles from 15 s and stops growing at 10 minutes', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffMs), [15_000, 30_000, 60_000, 120_000]);
  assert.equal(backoffMs(30), 600_000);
});

test('items are unreadable at rest without the key, and a new key cannot open old items', async () => {
  const raw = memoryStore<Sealed>();
  let key: CryptoKey | undefined = await generateSealKey();
  const store = sealedStore<OutboxItem>(raw, async () => key);
  const item = await enqueue({ store, now: () => new Date() }, { body, procedureName: 'Hộ kinh doanh' });
  const sealed = await raw.get(item.id);
  assert.ok(sealed);
  assert.ok(!new TextDecoder().decode(sealed.data).includes('Hoa Mai'), 'ciphertext does not show the form');
  assert.equal((await store.get(item.id))?.body.form.businessName, 'Tạp hóa Hoa Mai');
  key = await generateSealKey();
  assert.deepEqual(await store.list(), []);
  key = undefined;
  await assert.rejects(store.list(), /locked/);
});

type UploadAnswer = { fileId: string } | { status: number; title?: string };

/** A fake tus server: answers each upload in order (status 0 = the network dropped), records them. */
function fakeUploader(answers: UploadAnswer[]) {
  const calls: { name: string; procedureCode: string; bytes: number[] }[] = [];
  const fn = async (file: PendingFile, procedureCode: string) => {
    calls.push({ name: file.name, procedureCode, bytes: [...base64ToBytes(file.base64)] });
    const answer = answers.shift() ?? { status: 0 };
    if ('fileId' in answer) return answer;
    throw Object.assign(new Error(answer.title ?? 'upload failed'), answer);
  };
  return { fn, calls };
}

const photo = (componentId: string, bytes: number[]): PendingFile => ({
  componentId,
  name: `${componentId}.jpg`,
  type: 'image/jpeg',
  base64: bytesToBase64(new Uint8Array(bytes)),
});

const withDone = { ...body, attachments: [{ componentId: 'c0', fileId: 'f0' }] };

test('pending files are uploaded first, then the POST carries their fileIds (and no bytes)', async () => {
  const s = setup([created]);
  const uploader = fakeUploader([{ fileId: 'sha-1' }, { fileId: 'sha-2' }]);
  s.deps.upload = uploader.fn;
  const item = await enqueue(s.deps, {
    body: withDone,
    procedureName: 'x',
    pendingFiles: [photo('c1', [1, 2, 3]), photo('c2', [250, 0, 7])],
  });
  const result = await flushOutbox(s.deps);
  assert.deepEqual(result, { sent: 1, failed: 0, pending: 0, interrupted: false });
  assert.deepEqual(
    uploader.calls.map((c) => [c.name, c.procedureCode, c.bytes]),
    [
      ['c1.jpg', '1.001612', [1, 2, 3]],
      ['c2.jpg', '1.001612', [250, 0, 7]],
    ],
  );
  assert.equal(s.server.calls.length, 1);
  assert.deepEqual(s.server.calls[0]?.body, {
    ...body,
    attachments: [
      { componentId: 'c0', fileId: 'f0' },
      { componentId: 'c1', fileId: 'sha-1' },
      { componentId: 'c2', fileId: 'sha-2' },
    ],
  });
  const stored = await s.store.get(item.id);
  assert.equal(stored?.status, 'sent');
  assert.deepEqual(stored?.pendingFiles, []);
});

test('the network dropping mid-upload keeps it pending; the next flush uploads the rest and posts once', async () => {
  const s = setup([created]);
  const uploader = fakeUploader([{ fileId: 'sha-1' }, { status: 0 }, { fileId: 'sha-2' }]);
  s.deps.upload = uploader.fn;
  const item = await enqueue(s.deps, { body, procedureName: 'x', pendingFiles: [photo('c1', [1]), photo('c2', [2])] });
  const first = await flushOutbox(s.deps);
  assert.equal(first.interrupted, true);
  assert.equal(s.server.calls.length, 0, 'no POST while a file is missing');
  const waiting = await s.store.get(item.id);
  assert.equal(waiting?.status, 'pending');
  assert.equal(waiting?.lastError, 'network');
  assert.deepEqual(waiting?.body.attachments, [{ componentId: 'c1', fileId: 'sha-1' }], 'the first upload is kept');
  assert.deepEqual(
    waiting?.pendingFiles?.map((f) => f.componentId),
    ['c2'],
  );

  s.advance(backoffMs(1));
  await flushOutbox(s.deps);
  await flushOutbox(s.deps, { force: true }); // sent already: nothing more
  assert.deepEqual(
    uploader.calls.map((c) => c.name),
    ['c1.jpg', 'c2.jpg', 'c2.jpg'],
    'the first file is not uploaded again',
  );
  assert.equal(s.server.calls.length, 1, 'posted exactly once');
  assert.equal(s.server.calls[0]?.key, item.idempotencyKey);
  assert.deepEqual((s.server.calls[0]?.body as DossierSubmission | undefined)?.attachments, [
    { componentId: 'c1', fileId: 'sha-1' },
    { componentId: 'c2', fileId: 'sha-2' },
  ]);
  assert.equal((await s.store.get(item.id))?.status, 'sent');
});

test('a file the server refuses (415) marks the item failed with its message, and nothing is posted', async () => {
  const s = setup([created]);
  const uploader = fakeUploader([{ status: 415, title: 'Loại tệp không được chấp nhận' }]);
  s.deps.upload = uploader.fn;
  const item = await enqueue(s.deps, { body, procedureName: 'x', pendingFiles: [photo('c1', [1])] });
  const result = await flushOutbox(s.deps);
  assert.equal(result.failed, 1);
  const stored = await s.store.get(item.id);
  assert.equal(stored?.status, 'failed');
  assert.equal(stored?.lastError, 'Loại tệp không được chấp nhận');
  await flushOutbox(s.deps, { force: true });
  assert.equal(uploader.calls.length, 1);
  assert.equal(s.server.calls.length, 0);
});

test('pending files are sealed with the item and come back byte for byte', async () => {
  const raw = memoryStore<Sealed>();
  const key = await generateSealKey();
  const store = sealedStore<OutboxItem>(raw, async () => key);
  const bytes = Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
  const item = await enqueue({ store, now: () => new Date() }, { body, procedureName: 'x', pendingFiles: [photo('c1', bytes)] });
  const back = await store.get(item.id);
  assert.deepEqual([...base64ToBytes(back?.pendingFiles?.[0]?.base64 ?? '')], bytes);
});
