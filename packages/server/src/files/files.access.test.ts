import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileOnline, get, login } from '../dossiers/dossiers.test-helpers';
import { latestCode, nextIp, type SignedIn, signIn } from '../identity/identity.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
let citizenA: SignedIn;
let citizenB: SignedIn;
let attachedFileId: string;

before(async () => {
  t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  citizenA = await login(t.app, 'citizen');
  const filed = await fileOnline(t.app, citizenA);
  const detail = await get(t.app, citizenA, `/api/v1/dossiers/${filed.code}`);
  assert.equal(detail.statusCode, 200, detail.body);
  attachedFileId = detail.json().attachments[0].fileId;

  const phone = '0912000888';
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, remoteAddress: nextIp() });
  await post('/api/v1/auth/register', { phone, password: 'matkhau123', fullName: 'Phan Văn Bình' });
  await post('/api/v1/auth/verify-phone', { phone, code: await latestCode(t.app, phone) });
  citizenB = await signIn(t.app, phone, 'matkhau123');
});
after(() => t.close());

const download = (who: SignedIn | undefined, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/files/${id}`, headers: who ? { cookie: who.cookie } : {} });

test("a dossier's attachment is read by its owner and the officers who see the dossier, by nobody else", async () => {
  const owner = await download(citizenA, attachedFileId);
  assert.equal(owner.statusCode, 200, owner.body);
  assert.equal(owner.headers['content-type'], 'application/pdf');

  const deskOfTheDossier = await download(await login(t.app, 'receiver'), attachedFileId);
  assert.equal(deskOfTheDossier.statusCode, 200, deskOfTheDossier.body);
  assert.deepEqual(deskOfTheDossier.rawPayload, owner.rawPayload);
  const provinceAdmin = await download(await login(t.app, 'provinceAdmin'), attachedFileId);
  assert.equal(provinceAdmin.statusCode, 200, 'who reads every dossier of the province reads its attachments');

  // Refused exactly like a file that does not exist: nothing tells them it is there.
  const missing = await download(citizenB, 'f'.repeat(64));
  for (const stranger of [citizenB, await login(t.app, 'otherReceiver')]) {
    const res = await download(stranger, attachedFileId);
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(res.json(), missing.json());
  }
  assert.equal((await download(undefined, attachedFileId)).statusCode, 401);
});
