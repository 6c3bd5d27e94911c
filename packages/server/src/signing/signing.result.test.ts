import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { fileOnline, householdForm, login, post } from '../dossiers/dossiers.test-helpers';
import { blobStoreFor } from '../files/files.service';
import type { SignedIn } from '../identity/identity.test-helpers';
import { listResults, onDossierResolved } from '../results/index';
import { type Desk, driveToApproved, signInDesk, streamToBuffer } from '../results/results.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { verifyPdf } from './index';
import { authorizeSigning } from './signing.test-helpers';

let t: TestApp;
let desk: Desk;
let citizen: SignedIn;
const work = mkdtempSync(join(tmpdir(), 'dvc-signed-result-'));
before(async () => {
  t = await createTestApp();
  [desk, citizen] = await Promise.all([signInDesk(t.app), login(t.app, 'citizen')]);
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await t.close();
});

let names = 0;
const approvedDossier = async () => {
  const { code } = await fileOnline(t.app, citizen, {
    form: { ...householdForm(), businessName: `Hộ kinh doanh Chữ Ký ${++names}` },
  });
  await driveToApproved(t.app, desk, code);
  return code;
};
const resolve = (code: string) => post(t.app, desk.leader, `/api/v1/dossiers/${code}/events`, { type: 'resolve' });

/** What a reader of the dossier would notice changing: its state, its events, its results, its signed files. */
async function stateOf(code: string) {
  const row = await t.ctx.db
    .selectFrom('dossier')
    .select(['id', 'status', 'version'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(t.ctx.db)).rows[0]?.n);
  return {
    status: row.status,
    version: row.version,
    events: await count(sql`select count(*)::int as n from dossier_event where dossier_id = ${row.id}`),
    results: await count(sql`select count(*)::int as n from dossier_result where dossier_code = ${code}`),
    signed: await count(sql`select count(*)::int as n from signed_document where dossier_code = ${code} and kind <> 'receipt'`),
  };
}

function pdfsig(pdf: Buffer, name: string): string {
  const file = join(work, name);
  writeFileSync(file, pdf);
  return execFileSync('pdfsig', [file], { encoding: 'utf8' });
}

async function resultPdf(fileId: string): Promise<Buffer> {
  const body = await blobStoreFor(t.ctx).get(fileId);
  assert.ok(body, 'the issued file is in the store');
  return streamToBuffer(body);
}

test("a resolve before the leader entered their signing OTP is refused with 409 and the dossier stays as it was; after it, the certificate carries the leader's valid signature, shown on /xac-minh", async () => {
  const code = await approvedDossier();
  const before = await stateOf(code);

  const refused = await resolve(code);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.match(refused.json().type, /signing-authorization-required$/);
  assert.match(refused.json().detail, /mã OTP/);
  assert.deepEqual(await stateOf(code), before, 'nothing of the resolution was written');

  await authorizeSigning(t.app, desk.leader);
  const resolved = await resolve(code);
  assert.equal(resolved.statusCode, 200, resolved.body);
  const after = await stateOf(code);
  assert.deepEqual([after.status, after.results, after.signed], ['resolved', 1, 1]);

  const [result] = await listResults(t.ctx, code);
  assert.ok(result);
  const pdf = await resultPdf(result.fileId);
  const v = await verifyPdf(t.ctx, pdf);
  assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
  assert.deepEqual([v.signer?.name, v.issuedDocument?.dossierCode, v.timestamped], ['Phạm Thị Dung', code, true]);
  const out = pdfsig(pdf, 'certificate.pdf');
  assert.match(out, /Signature is Valid\./);
  assert.match(out, /Total document signed/);
  assert.match(out, /Phạm Thị Dung/);

  const page = await t.app.inject({ method: 'GET', url: `/xac-minh/${result.verificationCode}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chữ ký số hợp lệ/);
  assert.match(page.body, /Người ký<\/dt><dd>Phạm Thị Dung/);
  assert.match(page.body, /Dấu thời gian<\/dt><dd>Có/);
  const api = (await t.app.inject({ method: 'GET', url: `/api/v1/verify/${result.verificationCode}` })).json();
  assert.deepEqual([api.signature.valid, api.signature.signerName], [true, 'Phạm Thị Dung']);
  assert.match(api.signature.agencyName, /Cẩm Thành/);
});

test('two taps on resolve at once resolve and sign the result once', async () => {
  await authorizeSigning(t.app, desk.leader);
  const code = await approvedDossier();
  const answers = await Promise.all([resolve(code), resolve(code)]);
  assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'));
  const after = await stateOf(code);
  assert.deepEqual([after.status, after.results, after.signed], ['resolved', 1, 1]);
});

test('every result issued is a signed PDF that verifies, including one issued for a dossier resolved without a recorded leader (sealed)', async () => {
  const { code } = await fileOnline(t.app, citizen, {
    form: { ...householdForm(), businessName: 'Hộ kinh doanh Không Rõ Người Ký' },
  });
  await sql`update dossier set status = 'resolved',
    snapshot = snapshot || '{"status":"resolved","proposedOutcome":"approve"}'::jsonb where code = ${code}`.execute(t.ctx.db);
  const sealed = await onDossierResolved(t.ctx, code);
  assert.ok(sealed.ok && sealed.result, JSON.stringify(sealed));

  const rows = (
    await sql<{ fileId: string; dossierCode: string }>`select file_id, dossier_code from dossier_result`.execute(t.ctx.db)
  ).rows;
  assert.ok(rows.length >= 3, `results issued in this file: ${rows.length}`);
  for (const [i, row] of rows.entries()) {
    const pdf = await resultPdf(row.fileId);
    const v = await verifyPdf(t.ctx, pdf);
    assert.equal(v.verdict, 'hợp lệ', `${row.dossierCode}: ${v.problems.join('; ')}`);
    assert.match(pdfsig(pdf, `result-${i}.pdf`), /Signature is Valid\./);
  }
  const signer = await verifyPdf(t.ctx, await resultPdf(sealed.result.fileId));
  assert.match(signer.signer?.name ?? '', /Cẩm Thành/, 'signed with the agency seal');
});
