import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signatureDer } from './verify';

/** A PDF-like buffer with one /Contents hex gap, as a signer leaves it: the DER, then zero padding. */
function pdfWith(der: Buffer, padding: number): { pdf: Buffer; byteRange: number[] } {
  const head = Buffer.from('%PDF-1.7 /Contents ');
  const gap = Buffer.from(`<${der.toString('hex')}${'00'.repeat(padding)}>`);
  const tail = Buffer.from(' /ByteRange [] %%EOF');
  const pdf = Buffer.concat([head, gap, tail]);
  return { pdf, byteRange: [0, head.length, head.length + gap.length, tail.length] };
}

test('a signature whose own last bytes are zero is read whole, not cut at its zeros', () => {
  const body = Buffer.alloc(300, 0x11);
  body[body.length - 1] = 0;
  body[body.length - 2] = 0;
  const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x2c]), body]);
  const { pdf, byteRange } = pdfWith(der, 4000);
  assert.deepEqual(signatureDer(pdf, byteRange), der);
});

test('a short-form DER and a DER filling its placeholder exactly are both read whole', () => {
  const short = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]);
  const padded = pdfWith(short, 10);
  assert.deepEqual(signatureDer(padded.pdf, padded.byteRange), short);
  const full = pdfWith(short, 0);
  assert.deepEqual(signatureDer(full.pdf, full.byteRange), short);
});
