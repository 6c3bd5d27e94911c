import { blobStoreFor, storeBuffer } from '../files/files.service';
import type { AppContext } from '../http/context';
import { isSigningRefusal, issueSignedPdf } from './issue';
import { type SignAs, standingAuthorization } from './signing.service';

/**
 * A digitized component, signed by whoever digitizes it: the receiving officer when their OTP
 * authorization is standing, else the desk's seal (docs/decisions/011). A JPEG or PNG scan becomes
 * a one-page PDF first (an image cannot carry a PAdES signature); a file that is no readable PDF
 * stays as it was, unsigned. A signing refusal is thrown (problem+json) before anything changes.
 */

export interface Scan {
  componentId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
}

const A4 = { width: 595.28, height: 841.89 };

async function imageAsPdf(bytes: Buffer, mediaType: string): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const image = mediaType === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const scale = Math.min(A4.width / image.width, A4.height / image.height, 1);
  const page = doc.addPage([A4.width, A4.height]);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: (A4.width - w) / 2, y: A4.height - h, width: w, height: h });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function bytesOf(ctx: AppContext, sha256: string): Promise<Buffer | undefined> {
  const stream = await blobStoreFor(ctx).get(sha256);
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function signScan<T extends Scan>(
  ctx: AppContext,
  officerId: string,
  agencyCode: string,
  dossierCode: string,
  scan: T,
): Promise<T> {
  const isImage = scan.mediaType === 'image/jpeg' || scan.mediaType === 'image/png';
  if (scan.mediaType !== 'application/pdf' && !isImage) return scan;
  const original = await bytesOf(ctx, scan.fileId);
  if (!original) return scan;
  const pdf = isImage ? await imageAsPdf(original, scan.mediaType) : original;
  const as: SignAs = (await standingAuthorization(ctx, officerId)) ? { officerId } : { sealOf: agencyCode };
  let signed: Buffer;
  try {
    signed = await issueSignedPdf(ctx, as, {
      pdf,
      kind: 'digitized',
      dossierCode,
      reason: `Số hóa thành phần hồ sơ ${dossierCode}`,
    });
  } catch (err) {
    if (isSigningRefusal(err, 'invalid_pdf')) return scan;
    throw err;
  }
  const name = scan.fileName.replace(/\.(jpe?g|png|pdf)$/i, '') || 'ban-so-hoa';
  const stored = await storeBuffer(ctx, officerId, `${name}.pdf`, signed, ['pdf']);
  if (!stored.ok) return scan;
  return { ...scan, fileId: stored.file.sha256, fileName: stored.file.originalName, mediaType: 'application/pdf' };
}
