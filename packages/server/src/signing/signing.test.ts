import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderFeeReceipt } from '../documents/index';
import { feeReceipt } from '../documents/samples';
import { createTestApp, type TestApp } from '../test/harness';
import { pdfText } from '../test/pdf-text';
import { signPdf, verifyPdf } from './index';
import { authorityOf } from './pki';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const agencyCode = 'UBND.21025';

describe('a receipt sealed by its agency', () => {
  test('carries a PAdES signature that verifies, with the visible block, and pdfsig finds it valid and intact', async () => {
    const unsigned = await renderFeeReceipt(feeReceipt);
    const started = Date.now();
    const signed = await signPdf(t.ctx, { sealOf: agencyCode }, { pdf: unsigned, kind: 'fee-receipt', reason: 'Biên lai' });
    assert.ok(signed.ok, JSON.stringify(signed));
    console.log('first signature ms', Date.now() - started);
    const text = await pdfText(signed.pdf);
    assert.match(text, /Đã ký điện tử/);
    assert.match(text, /Người ký: Ủy ban nhân dân/);

    const v = await verifyPdf(t.ctx, signed.pdf);
    assert.equal(v.verdict, 'hợp lệ', v.problems.join('; '));
    assert.equal(v.issued, true);
    assert.equal(v.timestamped, true);

    const dir = mkdtempSync(join(tmpdir(), 'dvc-pdfsig-'));
    const file = join(dir, 'receipt.pdf');
    writeFileSync(file, signed.pdf);
    const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    console.log(out.stdout, out.stderr);
    assert.match(out.stdout, /Signature is Valid/);
    assert.match(out.stdout, /Total document signed/);
    execFileSync('pdfsig', ['-dump', file], { cwd: dir });
    const dumped = readdirSync(dir).filter((f) => f.endsWith('.sig'));
    console.log(dumped);
  });
});
