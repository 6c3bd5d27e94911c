import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type SignedIn, signIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { createUpload, patchUpload, tusHeaders } from './files.test-helpers';

/** Issue 10, point 10: a user's unfinished uploads are limited (defaults: 20 sessions, 100 MiB). */

const START = new Date('2026-11-30T02:00:00Z');
const MiB = 1024 * 1024;
/** A small but real PDF: finishing an upload of it stores a file. */
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% quota\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

let t: TestApp;
let citizen: SignedIn;
let officer: SignedIn;

before(async () => {
  t = await createTestApp({ now: START });
  citizen = await signIn(t.app, '0905000001', 'DemoDvc@2026');
  officer = await signIn(t.app, '0905000011', 'DemoDvc@2026');
});
after(() => t.close());

const count = (responses: LightMyRequestResponse[], status: number) => responses.filter((r) => r.statusCode === status).length;

function assertQuotaRefusal(res: LightMyRequestResponse, title: RegExp) {
  assert.equal(res.statusCode, 429, res.body);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(res.headers['tus-resumable'], '1.0.0');
  assert.equal(res.headers.location, undefined);
  assert.match(res.json().title, title);
}

test('40 creations at once take exactly the 20 open sessions; finishing, cancelling or expiring one frees a place', async () => {
  const all = await Promise.all(Array.from({ length: 40 }, (_, i) => createUpload(t.app, citizen, PDF.length, `giay-${i}.pdf`)));
  assert.equal(count(all, 201), 20, all.map((r) => r.statusCode).join(','));
  assert.equal(count(all, 429), 20);
  const refused = all.find((r) => r.statusCode === 429)!;
  assertQuotaRefusal(refused, /^Bạn đang có quá nhiều tệp chưa tải lên xong \(tối đa 20 tệp cùng lúc\)\. Vui lòng chờ/);
  assertQuotaRefusal(await createUpload(t.app, citizen, PDF.length, 'them.pdf'), /quá nhiều tệp chưa tải lên xong/);
  const locations = all.filter((r) => r.statusCode === 201).map((r) => String(r.headers.location));

  // Another user's quota is their own.
  const officers = await createUpload(t.app, officer, PDF.length, 'quet.pdf');
  assert.equal(officers.statusCode, 201);
  assert.equal((await patchUpload(t.app, officer, String(officers.headers.location), 0, PDF)).statusCode, 204);

  const finished = await patchUpload(t.app, citizen, locations[0]!, 0, PDF);
  assert.equal(finished.statusCode, 204, finished.body);
  assert.equal((await createUpload(t.app, citizen, PDF.length, 'sau-khi-xong.pdf')).statusCode, 201);
  assert.equal((await createUpload(t.app, citizen, PDF.length, 'lai-qua.pdf')).statusCode, 429);

  const cancelled = await t.app.inject({ method: 'DELETE', url: locations[1]!, headers: tusHeaders(citizen) });
  assert.equal(cancelled.statusCode, 204, cancelled.body);
  assert.equal((await createUpload(t.app, citizen, PDF.length, 'sau-khi-huy.pdf')).statusCode, 201);
  assert.equal((await createUpload(t.app, citizen, PDF.length, 'lai-qua-2.pdf')).statusCode, 429);

  // Unfinished uploads expire after 3 days: then they count for nothing.
  t.setNow(new Date(START.getTime() + 3 * 24 * 3600_000 + 60_000));
  citizen = await signIn(t.app, '0905000001', 'DemoDvc@2026'); // the session has ended by then
  const later = await Promise.all(Array.from({ length: 20 }, (_, i) => createUpload(t.app, citizen, PDF.length, `moi-${i}.pdf`)));
  assert.equal(count(later, 201), 20, later.map((r) => r.statusCode).join(','));
});

test('40 creations of 10 MiB at once declare at most 100 MiB in all', async () => {
  officer = await signIn(t.app, '0905000011', 'DemoDvc@2026');
  const all = await Promise.all(
    Array.from({ length: 40 }, (_, i) => createUpload(t.app, officer, 10 * MiB, `ban-quet-${i}.pdf`)),
  );
  assert.equal(count(all, 201), 10, all.map((r) => r.statusCode).join(','));
  assert.equal(count(all, 429), 30);
  assertQuotaRefusal(
    all.find((r) => r.statusCode === 429)!,
    /^Tổng dung lượng các tệp đang tải dở của bạn sẽ vượt quá 100 MB\. Vui lòng chờ/,
  );
  // Even one more byte is over.
  assertQuotaRefusal(await createUpload(t.app, officer, 1, 'mot-byte.pdf'), /vượt quá 100 MB/);
});
