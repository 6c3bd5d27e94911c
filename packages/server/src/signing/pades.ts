import type fontkit from '@pdf-lib/fontkit';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { loadFonts } from '../documents/pdf-kit';
import { formatVnDateTime } from '../documents/vn-format';
import type { AppContext } from '../http/context';
import { type HashSigner, type pkijs, timeStampRequest, tokenOfResponse } from './cms';
import { SigningError } from './csc-client';
import { answerTimeStampQuery } from './tsa-stand-in';

/**
 * PAdES baseline B-T on a finished PDF: the visible signature block (signer, agency, time and
 * "Đã ký điện tử") drawn on the last page with pdf-lib, a signature field with an
 * ETSI.CAdES.detached placeholder (@signpdf/placeholder-pdf-lib), then @signpdf/signpdf fills in
 * a CMS signature (signer's chain, signing-certificate-v2) carrying an RFC 3161 timestamp of its
 * signature value.
 */

export interface SignatureStamp {
  signerName: string;
  agencyName: string;
  signedAt: Date;
  reason: string;
}

/** Room for the CMS: three certificates, the signature, the timestamp token with its two certificates. */
const SIGNATURE_BYTES = 16_384;
const STAMP = { width: 250, height: 40, fontSize: 6.8 } as const;

/**
 * fontkit with the font parsed once per process: pdf-lib would parse the 700 kB DejaVu file for
 * every document (about 100 ms); subsets are still made per document. Loaded with the first
 * signature, not at start: an idle server does not carry it (issue 11).
 */
let parsedFontkit: Promise<typeof fontkit> | undefined;
function loadParsedFontkit(): Promise<typeof fontkit> {
  parsedFontkit ??= import('@pdf-lib/fontkit').then(({ default: kit }) => {
    let parsedFont: ReturnType<typeof kit.create> | undefined;
    return {
      create(data: Uint8Array) {
        parsedFont ??= kit.create(data);
        return parsedFont;
      },
    } as typeof fontkit;
  });
  return parsedFontkit;
}

/** Draws the stamp in the bottom margin of the last page, left (page numbers sit at the right). */
export async function preparePdf(pdf: Buffer, stamp: SignatureStamp): Promise<Buffer> {
  try {
    return await addStampAndField(pdf, stamp);
  } catch (err) {
    // An uploaded scan may be a PDF in name only (a broken page tree, no pages): not signable.
    throw new SigningError('invalid_pdf', `Tệp PDF không đọc được nên không ký được: ${(err as Error).message}`);
  }
}

async function addStampAndField(pdf: Buffer, stamp: SignatureStamp): Promise<Buffer> {
  // pdf-lib and the placeholder load with the first signature, not at start (issue 11: idle memory).
  const [{ PDFDocument, rgb }, { pdflibAddPlaceholder }] = await Promise.all([
    import('pdf-lib'),
    import('@signpdf/placeholder-pdf-lib'),
  ]);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.getPageCount() === 0) throw new Error('không có trang nào');
  doc.registerFontkit(await loadParsedFontkit());
  const font = await doc.embedFont(loadFonts().regular, { subset: true });
  const page = doc.getPages().at(-1)!;
  const x = 40;
  const y = 4;
  const blue = rgb(0.05, 0.33, 0.62);
  page.drawRectangle({
    x,
    y,
    width: STAMP.width,
    height: STAMP.height,
    borderColor: blue,
    borderWidth: 0.8,
    color: rgb(0.96, 0.98, 1),
  });
  const lines = [
    'Đã ký điện tử',
    `Người ký: ${stamp.signerName}`,
    `Cơ quan: ${stamp.agencyName}`,
    `Thời gian ký: ${formatVnDateTime(stamp.signedAt)}`,
  ];
  let lineY = y + STAMP.height - 9;
  lines.forEach((text, i) => {
    const t = text.normalize('NFC');
    // A long agency name shrinks rather than leaving the box.
    const size = Math.min(STAMP.fontSize, (STAMP.fontSize * (STAMP.width - 8)) / font.widthOfTextAtSize(t, STAMP.fontSize));
    page.drawText(t, { x: x + 4, y: lineY, size, font, color: i === 0 ? blue : rgb(0.1, 0.1, 0.1) });
    lineY -= 9;
  });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: page,
    reason: stamp.reason,
    contactInfo: '',
    name: stamp.signerName,
    location: 'Quảng Ngãi, Việt Nam',
    signingTime: stamp.signedAt,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [x, y, x + STAMP.width, y + STAMP.height],
    appName: 'DVC Quảng Ngãi',
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Asks the timestamp authority (SIGNING_TSA_URL, else the local one) for a token over `message`. */
export async function timestampOf(ctx: AppContext, message: Buffer): Promise<pkijs.ContentInfo> {
  const { der } = timeStampRequest(message);
  let answer: Buffer;
  const url = ctx.config.signing.tsaUrl;
  try {
    if (!url) answer = await answerTimeStampQuery(ctx, der);
    else {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query' },
        body: new Uint8Array(der),
        signal: AbortSignal.timeout(ctx.config.signing.timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      answer = Buffer.from(await res.arrayBuffer());
    }
    return tokenOfResponse(answer, message);
  } catch (err) {
    throw new SigningError('unavailable', `Không lấy được dấu thời gian: ${(err as Error).message}`);
  }
}

/** The signed PDF: the stamp and placeholder added, then the CMS signature with its timestamp. */
export async function signPades(
  ctx: AppContext,
  pdf: Buffer,
  stamp: SignatureStamp,
  chain: pkijs.Certificate[],
  signHash: HashSigner,
): Promise<Buffer> {
  const prepared = await preparePdf(pdf, stamp);
  const { signPrepared } = await import('./pades-cms');
  return signPrepared(prepared, chain, signHash, (m) => timestampOf(ctx, m));
}
