import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { latestCode, nextIp, type SignedIn, signIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { LocalBlobStore } from './blob-store';
import { getOwnedFile, storeBuffer } from './files.service';
import { COMPONENT, createUpload, metadata, PROCEDURE, patchUpload, tusHeaders } from './files.test-helpers';

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A small but real PDF, padded so that it can be sent in two chunks. */
const TINY_PDF = Buffer.from(
  `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n${'% padding\n'.repeat(40)}trailer << /Root 1 0 R >>\n%%EOF\n`,
);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let t: TestApp;
let dataDir: string;
let citizen: SignedIn;
let other: SignedIn;
let officer: SignedIn;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dvc-files-'));
  t = await createTestApp({ config: { DATA_DIR: dataDir } });
  citizen = await signIn(t.app, '0905000001', 'DemoDvc@2026');
  officer = await signIn(t.app, '0905000011', 'DemoDvc@2026');
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, remoteAddress: nextIp() });
  await post('/api/v1/auth/register', { phone: '0912000777', password: 'matkhau123', fullName: 'Trương Thị Lan' });
  await post('/api/v1/auth/verify-phone', { phone: '0912000777', code: await latestCode(t.app, '0912000777') });
  other = await signIn(t.app, '0912000777', 'matkhau123');
});

after(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const create = (who: SignedIn | undefined, length: number, filename: string, component = COMPONENT) =>
  createUpload(t.app, who, length, filename, component);
const patch = (who: SignedIn, location: string, offset: number, chunk: Buffer) =>
  patchUpload(t.app, who, location, offset, chunk);

/** The whole upload in one PATCH; returns the final answer. */
async function upload(who: SignedIn, bytes: Buffer, filename: string): Promise<LightMyRequestResponse> {
  const created = await create(who, bytes.length, filename);
  assert.equal(created.statusCode, 201, created.body);
  return patch(who, String(created.headers.location), 0, bytes);
}

const getFile = (who: SignedIn | undefined, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/files/${id}`, headers: who ? { cookie: who.cookie } : {} });

test('an upload resumes after a dropped connection and the file comes back with its real type', async () => {
  const created = await create(citizen, TINY_PDF.length, 'Giấy đề nghị.pdf');
  assert.equal(created.statusCode, 201, created.body);
  const location = String(created.headers.location);
  assert.match(location, /^\/api\/v1\/uploads\/[0-9a-f]+$/);

  const half = 200;
  const first = await patch(citizen, location, 0, TINY_PDF.subarray(0, half));
  assert.equal(first.statusCode, 204, first.body);
  assert.equal(first.headers['upload-offset'], String(half));

  // The phone lost its connection: it asks how far the server got before sending the rest.
  const head = await t.app.inject({ method: 'HEAD', url: location, headers: tusHeaders(citizen) });
  assert.equal(head.statusCode, 200);
  assert.equal(head.headers['upload-offset'], String(half));
  assert.equal(head.headers['upload-length'], String(TINY_PDF.length));

  const pending = await t.app.inject({ method: 'GET', url: `${location}/result`, headers: { cookie: citizen.cookie } });
  assert.equal(pending.statusCode, 409);
  assert.equal(pending.json().title, 'Tệp chưa tải lên xong');

  // Sending from a wrong offset is refused rather than corrupting the file.
  const wrong = await patch(citizen, location, 0, TINY_PDF.subarray(half));
  assert.equal(wrong.statusCode, 409);

  const last = await patch(citizen, location, half, TINY_PDF.subarray(half));
  assert.equal(last.statusCode, 204, last.body);
  const fileId = String(last.headers['upload-file-id']);
  assert.equal(fileId, sha(TINY_PDF));
  assert.equal(last.headers['upload-file-type'], 'application/pdf');

  const result = await t.app.inject({ method: 'GET', url: `${location}/result`, headers: { cookie: citizen.cookie } });
  assert.equal(result.statusCode, 200, result.body);
  assert.deepEqual(result.json(), {
    fileId,
    mediaType: 'application/pdf',
    size: TINY_PDF.length,
    originalName: 'Giấy đề nghị.pdf',
  });

  const got = await getFile(citizen, fileId);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.match(
    String(got.headers['content-disposition']),
    /filename\*=UTF-8''Gi%E1%BA%A5y%20%C4%91%E1%BB%81%20ngh%E1%BB%8B\.pdf/,
  );
  assert.deepEqual(got.rawPayload, TINY_PDF);

  // The bytes sit in the content-addressed store; the temporary upload is gone.
  assert.deepEqual(await readdir(join(dataDir, 'files', fileId.slice(0, 2), fileId.slice(2, 4))), [fileId]);
  const gone = await t.app.inject({ method: 'HEAD', url: location, headers: tusHeaders(citizen) });
  assert.equal(gone.statusCode, 404);
});

test('a PNG named .pdf is kept as image/png, since the component accepts PNG', async () => {
  const res = await upload(citizen, TINY_PNG, 'scan.pdf');
  assert.equal(res.statusCode, 204, res.body);
  assert.equal(res.headers['upload-file-type'], 'image/png');
  const got = await getFile(citizen, String(res.headers['upload-file-id']));
  assert.equal(got.headers['content-type'], 'image/png');

  // Where only PDF is allowed, the same bytes are the wrong type (the dossier capability asks this way).
  const asPdf = await getOwnedFile(t.ctx, citizen.body.user.id, sha(TINY_PNG), ['pdf']);
  assert.deepEqual(asPdf, { ok: false, reason: 'wrong_type' });
  const asAny = await getOwnedFile(t.ctx, citizen.body.user.id, sha(TINY_PNG), ['pdf', 'png']);
  assert.equal(asAny.ok, true);
  const stored = await storeBuffer(t.ctx, officer.body.user.id, 'scan.pdf', TINY_PNG, ['pdf']);
  assert.equal(stored.ok, false);
});

test('a text file named .pdf is refused with a clear message', async () => {
  const text = Buffer.from('Đây không phải là tệp PDF, chỉ là văn bản thường.\n'.repeat(5));
  const created = await create(citizen, text.length, 'giay-to.pdf');
  const location = String(created.headers.location);
  const res = await patch(citizen, location, 0, text);
  assert.equal(res.statusCode, 415);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(res.json().title, 'Tệp không đúng định dạng cho phép (PDF, JPG, PNG)');
  assert.equal((await getFile(citizen, sha(text))).statusCode, 404);
  const result = await t.app.inject({ method: 'GET', url: `${location}/result`, headers: { cookie: citizen.cookie } });
  assert.equal(result.statusCode, 415);
  assert.equal(result.json().title, 'Tệp không đúng định dạng cho phép (PDF, JPG, PNG)');
});

test('an upload over the component limit is refused before any byte is sent', async () => {
  const res = await create(citizen, 10 * 1024 * 1024 + 1, 'to.pdf');
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().title, 'Tệp quá lớn: tối đa 10 MB');
  assert.equal(res.headers.location, undefined);
});

test('an unknown procedure component is refused', async () => {
  const res = await create(citizen, 100, 'a.pdf', 'khong-co');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().errors[0].field, 'metadata.componentId');
});

test('uploading needs a session and the CSRF token', async () => {
  const anonymous = await create(undefined, TINY_PDF.length, 'a.pdf');
  assert.equal(anonymous.statusCode, 401);
  const noToken = await t.app.inject({
    method: 'POST',
    url: '/api/v1/uploads/',
    headers: {
      'tus-resumable': '1.0.0',
      cookie: citizen.cookie,
      'upload-length': '10',
      'upload-metadata': metadata({ filename: 'a.pdf', procedureCode: PROCEDURE, componentId: COMPONENT }),
    },
  });
  assert.equal(noToken.statusCode, 403);
  assert.equal((await getFile(undefined, sha(TINY_PDF))).statusCode, 401);
});

test('another citizen can neither read a file nor continue an upload that is not theirs', async () => {
  const fileId = sha(TINY_PDF);
  const theirs = await getFile(other, fileId);
  assert.equal(theirs.statusCode, 404);
  assert.equal(theirs.json().title, 'Không tìm thấy tệp');
  assert.deepEqual(await getOwnedFile(t.ctx, other.body.user.id, fileId), { ok: false, reason: 'not_found' });

  const created = await create(citizen, TINY_PDF.length, 'b.pdf');
  const location = String(created.headers.location);
  const head = await t.app.inject({ method: 'HEAD', url: location, headers: tusHeaders(other) });
  assert.equal(head.statusCode, 404);
  const hijack = await patch(other, location, 0, TINY_PDF);
  assert.equal(hijack.statusCode, 404);

  // Attached to no dossier, the file is nobody's business but its owner's, officers included.
  assert.equal((await getFile(officer, fileId)).statusCode, 404);
});

test('the blob store keeps the same bytes once and never leaves a half file behind', async () => {
  const store = new LocalBlobStore(join(dataDir, 'blob-test'));
  const a = await store.put(TINY_PNG);
  const b = await store.put(Readable.from([TINY_PNG.subarray(0, 10), TINY_PNG.subarray(10)]));
  assert.deepEqual(a, b);
  assert.equal(a.sha256, sha(TINY_PNG));

  const broken = new Readable({
    read() {
      this.push(Buffer.from('%PDF-1.4 half of it'));
      this.destroy(new Error('connection lost'));
    },
  });
  await assert.rejects(store.put(broken), /connection lost/);
  const shards = (await readdir(join(dataDir, 'blob-test'))).filter((d) => d !== 'tmp');
  assert.deepEqual(shards, [a.sha256.slice(0, 2)], 'only the complete blob is stored under a hash');
  assert.deepEqual(await readdir(join(dataDir, 'blob-test', 'tmp')), [], 'the partial write was cleaned up');
});
