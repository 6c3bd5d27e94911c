import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type SignedIn, signIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { COMPONENT, createUpload, metadata, PROCEDURE, patchUpload, tusHeaders, uploadOffset } from './files.test-helpers';

/** Malformed tus requests (issue 10, point 7): each is a 4xx problem+json and changes nothing. */

let t: TestApp;
let citizen: SignedIn;

before(async () => {
  t = await createTestApp();
  citizen = await signIn(t.app, '0905000001', 'DemoDvc@2026');
});
after(() => t.close());

const PDF_HEAD = Buffer.from('%PDF-1.4\n');

function assertRefused(res: LightMyRequestResponse, status: number | 'any4xx', label: string) {
  if (status === 'any4xx') assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: ${res.statusCode} ${res.body}`);
  else assert.equal(res.statusCode, status, `${label}: ${res.body}`);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', label);
  assert.equal(res.headers['tus-resumable'], '1.0.0', `${label}: a tus client reads the answer`);
  assert.match(res.json().title, /[à-ỹ]/, `${label}: a Vietnamese title`);
}

const uploadsOnDisk = async () => (await readdir(join(t.ctx.config.DATA_DIR, 'uploads-tmp')).catch(() => [])).length;

test('a PATCH with a JSON body is refused as the wrong content type and the upload is untouched', async () => {
  const created = await createUpload(t.app, citizen, 300, 'a.pdf');
  assert.equal(created.statusCode, 201, created.body);
  const location = String(created.headers.location);
  for (const type of ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded']) {
    const res = await patchUpload(t.app, citizen, location, 0, type.includes('json') ? '{"a":1}' : 'a=b', type);
    assertRefused(res, 415, type);
  }
  const noType = await t.app.inject({
    method: 'PATCH',
    url: location,
    headers: tusHeaders(citizen, { 'upload-offset': '0' }),
    payload: 'abc',
  });
  assertRefused(noType, 415, 'no content type');
  assert.equal(await uploadOffset(t.app, citizen, location), '0');
  // The same upload still takes its bytes the tus way.
  const ok = await patchUpload(t.app, citizen, location, 0, PDF_HEAD);
  assert.equal(ok.statusCode, 204, ok.body);
  assert.equal(ok.headers['upload-offset'], String(PDF_HEAD.length));
});

test('a creation with a JSON body is refused and creates no upload', async () => {
  const before = await uploadsOnDisk();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/uploads/',
    headers: tusHeaders(citizen, {
      'upload-length': '300',
      'upload-metadata': metadata({ filename: 'a.pdf', procedureCode: PROCEDURE, componentId: COMPONENT }),
      'content-type': 'application/json',
    }),
    payload: '{"a":1}',
  });
  assertRefused(res, 415, 'POST application/json');
  assert.equal(res.headers.location, undefined);
  assert.equal(await uploadsOnDisk(), before);
});

test('bad Upload-Length and Upload-Metadata headers are refused before an upload exists', async () => {
  const before = await uploadsOnDisk();
  const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
  const cases: Array<[string, Record<string, string>]> = [
    ['negative length', { 'upload-length': '-5' }],
    ['huge length', { 'upload-length': '9'.repeat(40) }],
    ['fractional length', { 'upload-length': '1.5' }],
    ['hex length', { 'upload-length': '0x10' }],
    ['not base64', { 'upload-metadata': 'filename ***,procedureCode MS4wMDE2MTI=,componentId Z2lheS1kZS1uZ2hp' }],
    ['NUL in procedureCode', { 'upload-metadata': metadata({ procedureCode: '1.001612\u0000', componentId: COMPONENT }) }],
    ['NUL in componentId', { 'upload-metadata': metadata({ procedureCode: PROCEDURE, componentId: `${COMPONENT}\u0000` }) }],
    [
      'lone surrogate in procedureCode',
      { 'upload-metadata': `procedureCode ${b64([0xed, 0xa0, 0x80])},componentId Z2lheS1kZS1uZ2hp` },
    ],
    ['invalid UTF-8 in componentId', { 'upload-metadata': `procedureCode MS4wMDE2MTI=,componentId ${b64([0xff, 0xfe, 0x00])}` }],
    ['huge procedureCode', { 'upload-metadata': metadata({ procedureCode: '1'.repeat(5000), componentId: COMPONENT }) }],
  ];
  for (const [label, headers] of cases) {
    const res = await createUpload(t.app, citizen, 300, 'a.pdf', COMPONENT, headers);
    assertRefused(res, 'any4xx', label);
  }
  assert.equal(await uploadsOnDisk(), before);
});

test('bad Upload-Offset headers and upload ids are refused and the upload keeps its bytes', async () => {
  const created = await createUpload(t.app, citizen, 300, 'a.pdf');
  const location = String(created.headers.location);
  for (const offset of ['-1', '9'.repeat(40), 'abc', '1.5', '']) {
    assertRefused(await patchUpload(t.app, citizen, location, offset, PDF_HEAD), 'any4xx', `offset "${offset}"`);
  }
  assert.equal(await uploadOffset(t.app, citizen, location), '0');
  for (const id of ['ab%00cd', '%ED%A0%80', 'x'.repeat(101)]) {
    const result = await t.app.inject({
      method: 'GET',
      url: `/api/v1/uploads/${id}/result`,
      headers: { cookie: citizen.cookie },
    });
    assert.ok(result.statusCode >= 400 && result.statusCode < 500, `result of ${id}: ${result.statusCode} ${result.body}`);
    const head = await t.app.inject({ method: 'HEAD', url: `/api/v1/uploads/${id}`, headers: tusHeaders(citizen) });
    assert.ok(head.statusCode >= 400 && head.statusCode < 500, `HEAD ${id}: ${head.statusCode}`);
  }
});
