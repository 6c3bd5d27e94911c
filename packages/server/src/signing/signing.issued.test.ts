import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderReceiptSlip } from '../documents/index';
import { receiptSlip } from '../documents/samples';
import { fileOnline, get, householdRegistration, login, PHONES, post, uploaded } from '../dossiers/dossiers.test-helpers';
import { storeBuffer } from '../files/files.service';
import { codesSentTo, type SignedIn } from '../identity/identity.test-helpers';
import { IPN_PATH } from '../payments/payments.service';
import { ipnQuery } from '../payments/payments.test-helpers';
import { createTestApp, type TestApp } from '../test/harness';
import { pdfText } from '../test/pdf-text';

let t: TestApp;
let receiver: SignedIn;
let citizen: SignedIn;
let admin: SignedIn;
let code: string;
const work = mkdtempSync(join(tmpdir(), 'dvc-issued-'));
before(async () => {
  t = await createTestApp();
  [receiver, citizen, admin] = await Promise.all([
    login(t.app, 'receiver'),
    login(t.app, 'citizen'),
    login(t.app, 'provinceAdmin'),
  ]);
  const scanned = await uploaded(t.ctx, receiver, 'don-de-nghi-quet');
  const res = await post(
    t.app,
    receiver,
    '/api/v1/dossiers/counter',
    {
      ...householdRegistration({ channel: undefined, attachments: [{ componentId: 'giay-de-nghi', fileId: scanned }] }),
      paperComponents: ['giay-de-nghi', 'giay-to-phap-ly-ca-nhan'],
      applicant: { fullName: 'Đỗ Thị Lan' },
      specialCaseReason: 'Không có điện thoại thông minh',
    },
    randomUUID(),
  );
  assert.equal(res.statusCode, 201, res.body);
  code = res.json().code;
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await t.close();
});

function pdfsig(pdf: Buffer, name: string): string {
  const file = join(work, name);
  writeFileSync(file, pdf);
  return execFileSync('pdfsig', [file], { encoding: 'utf8' });
}
const verify = async (pdf: Buffer) =>
  (
    await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: pdf, headers: { 'content-type': 'application/pdf' } })
  ).json();

/** A real one-page PDF stored as the receiver's scan. */
async function scanOf(label: string): Promise<string> {
  const pdf = await renderReceiptSlip({ ...receiptSlip, officerName: label });
  const stored = await storeBuffer(t.ctx, receiver.body.user.id, `${label}.pdf`, pdf, ['pdf']);
  assert.ok(stored.ok);
  return stored.file.sha256;
}

async function digitize(componentId: string, fileId: string) {
  return post(t.app, receiver, `/api/v1/dossiers/${code}/digitize`, { componentId, fileId });
}

async function attachmentPdf(componentId: string): Promise<Buffer> {
  const detail = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
  const files = detail.attachments.filter((a: { componentId: string; digitized: boolean }) => a.componentId === componentId);
  const res = await get(t.app, receiver, `/api/v1/files/${files.at(-1).fileId}`);
  assert.equal(res.statusCode, 200);
  return res.rawPayload;
}

describe('what DVC issues is signed', () => {
  test("the desk's receipt (Mẫu 01) is sealed by the agency, valid for pdfsig, and every print is on record", async () => {
    const first = await get(t.app, receiver, `/api/v1/dossiers/${code}/documents/receipt`);
    assert.equal(first.statusCode, 200, first.body);
    assert.match(await pdfText(first.rawPayload), /Đã ký điện tử/);
    const out = pdfsig(first.rawPayload, 'receipt.pdf');
    assert.match(out, /Signature is Valid\./);
    assert.match(out, /Total document signed/);
    // The desk's print carries a new lookup PIN each time (issue 15), so each print is a file of its own,
    // sealed and on record as issued like the first.
    const again = await get(t.app, receiver, `/api/v1/dossiers/${code}/documents/receipt`);
    assert.match(pdfsig(again.rawPayload, 'receipt-again.pdf'), /Signature is Valid\./);
    const checked = await verify(again.rawPayload);
    assert.equal(checked.issued, true, 'the reprint is on record as issued');
    const v = await verify(first.rawPayload);
    assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
    assert.deepEqual([v.issued, v.issuedDocument.kind, v.issuedDocument.dossierCode], [true, 'slip:receipt', code]);
  });

  test('the fee receipt of an online payment is sealed and valid for pdfsig', async () => {
    const filed = await fileOnline(t.app, citizen);
    const created = (await post(t.app, citizen, `/api/v1/dossiers/${filed.code}/payments`, {})).json();
    const ipn = await t.app.inject({ method: 'GET', url: `${IPN_PATH}?${ipnQuery(t, created.orderRef, created.amount)}` });
    assert.equal(ipn.json().RspCode, '00', ipn.body);
    const listed = (await get(t.app, citizen, `/api/v1/dossiers/${filed.code}/payments`)).json();
    const receipt = await get(t.app, citizen, listed.items[0].receiptUrl);
    assert.equal(receipt.statusCode, 200);
    const out = pdfsig(receipt.rawPayload, 'fee-receipt.pdf');
    assert.match(out, /Signature is Valid\./);
    assert.match(out, /Total document signed/);
    const text = await pdfText(receipt.rawPayload);
    assert.equal(text.match(/Đã ký điện tử/g)?.length, 1, 'printed once, by the signature block');
  });

  test("a digitized component is signed with the desk's seal when the officer has no OTP authorization", async () => {
    const done = await digitize('giay-to-phap-ly-ca-nhan', await scanOf('cccd-quet'));
    assert.equal(done.statusCode, 200, done.body);
    const v = await verify(await attachmentPdf('giay-to-phap-ly-ca-nhan'));
    assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
    assert.equal(v.signer.name, 'Ủy ban nhân dân phường Cẩm Thành');
    assert.equal(v.issuedDocument.kind, 'digitized');
  });

  test('…and with the receiving officer’s own signature once they entered their OTP', async () => {
    await post(t.app, receiver, '/api/v1/signing/otp', {});
    const otp = (await codesSentTo(t.app, PHONES.receiver))[0];
    assert.equal((await post(t.app, receiver, '/api/v1/signing/authorization', { otp })).statusCode, 200);
    const done = await digitize('giay-de-nghi', await scanOf('don-quet-lai'));
    assert.equal(done.statusCode, 200, done.body);
    const v = await verify(await attachmentPdf('giay-de-nghi'));
    assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
    assert.equal(v.signer.name, 'Trần Thị Bích');
    assert.match(v.signer.agency, /Cẩm Thành/);
  });

  test('a signing failure changes nothing and says why', async () => {
    const credentials = (await get(t.app, admin, '/api/v1/admin/signing/credentials')).json() as { id: string; userId: string }[];
    const mine = credentials.find((c) => c.userId === receiver.body.user.id)!;
    const seal = credentials.find((c) => c.userId === 'seal:UBND.21025')!;
    for (const c of [mine, seal]) {
      const r = await post(t.app, admin, `/api/v1/admin/signing/credentials/${c.id}/revoke`, { reason: 'Thử thu hồi' });
      assert.equal(r.statusCode, 200, r.body);
    }
    const before = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
    const refused = await digitize('giay-de-nghi', await scanOf('lan-ba'));
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().detail, /thu hồi/);
    const after = (await get(t.app, receiver, `/api/v1/dossiers/${code}`)).json();
    assert.deepEqual(
      [after.componentsDigitized, after.componentsTotal, after.attachments.length],
      [before.componentsDigitized, before.componentsTotal, before.attachments.length],
    );
    // A slip not issued before cannot be issued unsigned either.
    const slip = await get(t.app, receiver, `/api/v1/dossiers/${code}/documents/process-control`);
    assert.equal(slip.statusCode, 409);
    assert.equal(slip.json().title, 'Chưa ký số được văn bản');
  });
});
