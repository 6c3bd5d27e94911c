import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderFeeReceipt } from '../documents/index';
import { feeReceipt } from '../documents/samples';
import { createTestApp, type TestApp } from '../test/harness';
import { pdfText } from '../test/pdf-text';
import { pkijs, toArrayBuffer } from './cms';
import { signPdf } from './index';
import { x509 } from './x509';

let t: TestApp;
let signed: Buffer;
const work = mkdtempSync(join(tmpdir(), 'dvc-pdfsig-'));
before(async () => {
  t = await createTestApp();
  const r = await signPdf(
    t.ctx,
    { sealOf: 'UBND.21025' },
    { pdf: await renderFeeReceipt(feeReceipt), kind: 'fee-receipt', reason: 'Biên lai thu phí' },
  );
  assert.ok(r.ok, JSON.stringify(r));
  signed = r.pdf;
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await t.close();
});

const verify = (pdf: Buffer) =>
  t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: pdf, headers: { 'content-type': 'application/pdf' } });

describe('a fee receipt sealed by its agency', () => {
  test('shows the signature block: signer, agency, time and "Đã ký điện tử"', async () => {
    const text = await pdfText(signed);
    assert.match(text, /Đã ký điện tử/);
    assert.match(text, /Người ký: Ủy ban nhân dân phường Cẩm Thành/);
    assert.match(text, /Thời gian ký: \d{2} giờ \d{2} phút, ngày/);
  });

  test('pdfsig reports it signed, valid and intact, by a certificate that chains to the stand-in root', async () => {
    const file = join(work, 'receipt.pdf');
    writeFileSync(file, signed);
    // pdfsig exits 0 for valid signatures whose issuer is simply not in its (empty) NSS store.
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    assert.match(out, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(out, /Total document signed/);
    assert.match(out, /Signature Validation: Signature is Valid\./);
    const dn = out.match(/Signer full Distinguished Name: (.+)/)?.[1];
    assert.ok(dn?.includes('CN=Ủy ban nhân dân phường Cẩm Thành'), out);

    // The chain pdfsig saw: the signature it dumps, its certificates checked against /pki/root-ca.crt.
    execFileSync('pdfsig', ['-dump', file], { cwd: work });
    const dumped = readdirSync(work).find((f) => /\.sig\d*$/.test(f));
    assert.ok(dumped, 'pdfsig -dump wrote the signature');
    const cms = new pkijs.SignedData({
      schema: pkijs.ContentInfo.fromBER(toArrayBuffer(readFileSync(join(work, dumped)))).content,
    });
    const certs = (cms.certificates ?? []).map((c) => new x509.X509Certificate((c as pkijs.Certificate).toSchema().toBER()));
    const rootRes = await t.app.inject({ method: 'GET', url: '/pki/root-ca.crt' });
    assert.equal(rootRes.statusCode, 200);
    const root = new x509.X509Certificate(new Uint8Array(rootRes.rawPayload));
    const signer = certs.find((c) => c.subject.includes('Cẩm Thành'))!;
    const chain = await new x509.X509ChainBuilder({ certificates: [...certs.filter((c) => c !== signer), root] }).build(signer);
    assert.equal(chain.length, 3);
    assert.equal(chain.at(-1)!.equal(root), true, 'the chain ends at the stand-in root');
    for (let i = 0; i < chain.length - 1; i++) {
      assert.equal(await chain[i]!.verify({ publicKey: chain[i + 1]!.publicKey, signatureOnly: true }), true);
    }
  });

  test('POST /api/v1/verify says valid, who signed, when, timestamped and byte-identical to the issued file', async () => {
    const res = await verify(signed);
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json();
    assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
    assert.equal(v.signer.name, 'Ủy ban nhân dân phường Cẩm Thành');
    assert.equal(v.timestamped, true);
    assert.ok(Math.abs(new Date(v.signedAt).getTime() - t.ctx.now().getTime()) < 5_000);
    assert.equal(v.issued, true);
    assert.equal(v.issuedDocument.kind, 'fee-receipt');
  });

  test('one changed byte makes it "không hợp lệ" and no longer the issued file', async () => {
    const tampered = Buffer.from(signed);
    // A byte of the signed content (the first range), not of the signature itself.
    const at = Math.floor(tampered.indexOf('/ByteRange') / 2);
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const v = (await verify(tampered)).json();
    assert.equal(v.verdict, 'không hợp lệ');
    assert.equal(v.valid, false);
    assert.equal(v.issued, false);
    assert.ok(
      v.problems.some((p: string) => /không khớp/.test(p)),
      v.problems.join('; '),
    );
  });

  test('content appended after signing is not covered: "không hợp lệ"', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm sau khi ký\n')]);
    const v = (await verify(appended)).json();
    assert.equal(v.verdict, 'không hợp lệ');
    assert.equal(v.coversWholeFile, false);
  });

  test('an unsigned PDF is "không hợp lệ", with the reason', async () => {
    const v = (await verify(await renderFeeReceipt(feeReceipt))).json();
    assert.equal(v.signed, false);
    assert.equal(v.verdict, 'không hợp lệ');
    assert.ok(v.problems.includes('Tệp không có chữ ký số'));
  });

  test('a request without a PDF body is refused with a message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: {} });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().title, 'Hãy gửi tệp PDF cần xác minh');
  });
});
