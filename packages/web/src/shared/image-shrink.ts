/**
 * Photos are shrunk on the phone before upload: a 12-megapixel camera shot is 3–6 MB, the office
 * only needs to read the paper, and the citizen's mobile data is slow and paid for. The long edge
 * is brought to at most 2000 px and the JPEG quality stepped down until the file is at most 1 MB.
 * PDFs and anything that is not an image pass through untouched.
 */

export const MAX_EDGE = 2000;
export const MAX_BYTES = 1_000_000;
/** Tried in order; below ~0.4 a photographed page gets hard to read, so the size shrinks instead. */
export const QUALITY_STEPS = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4] as const;

/** The size that fits `width`×`height` inside a `maxEdge` square, keeping the aspect; never enlarges. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 0, height: 0 };
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The name of the shrunk copy: same name, `.jpg` extension (the bytes are JPEG now). */
export function shrunkName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return `${base || 'anh'}.jpg`;
}

export type Encode = (width: number, height: number, quality: number) => Promise<Blob>;

/**
 * Encodes at the fitted size, stepping the quality down until the result is within `maxBytes`;
 * when even the lowest quality is too big, scales the picture down by a fifth and starts again.
 * Returns the first result that fits (or the smallest one tried, after a few rounds).
 */
export async function encodeWithinBudget(
  encode: Encode,
  width: number,
  height: number,
  { maxEdge = MAX_EDGE, maxBytes = MAX_BYTES, steps = QUALITY_STEPS as readonly number[] } = {},
): Promise<{ blob: Blob; width: number; height: number; quality: number }> {
  let size = fitWithin(width, height, maxEdge);
  let best: { blob: Blob; width: number; height: number; quality: number } | undefined;
  for (let round = 0; round < 6; round++) {
    for (const quality of steps) {
      const blob = await encode(size.width, size.height, quality);
      if (!best || blob.size < best.blob.size) best = { blob, ...size, quality };
      if (blob.size <= maxBytes) return { blob, ...size, quality };
    }
    size = fitWithin(size.width, size.height, Math.floor(Math.max(size.width, size.height) * 0.8));
  }
  if (!best) throw new Error('no encoding attempted');
  return best;
}

const SHRINKABLE = /^image\/(jpeg|png|webp|heic|heif|avif|bmp)$/i;

export function isShrinkableImage(file: Blob): boolean {
  return SHRINKABLE.test(file.type);
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    // 'from-image' applies the EXIF orientation: a portrait phone photo stays upright.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => {} };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasEncoder(source: CanvasImageSource): Encode {
  return async (width, height, quality) => {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2d context');
      paint(g, source, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    paint(g, source, width, height);
    return new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encoding failed'))), 'image/jpeg', quality),
    );
  };
}

function paint(g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, source: CanvasImageSource, w: number, h: number) {
  // JPEG has no transparency: a transparent PNG would turn black without a white page under it.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  g.imageSmoothingQuality = 'high';
  g.drawImage(source, 0, 0, w, h);
}

/**
 * The file to upload for a picked or photographed `file`: images shrunk to the budget as JPEG,
 * everything else (PDF) as it is. An image already small enough is kept as it is too.
 */
export async function shrinkImage(file: File, { maxEdge = MAX_EDGE, maxBytes = MAX_BYTES } = {}): Promise<File> {
  if (!isShrinkableImage(file)) return file;
  const image = await decode(file);
  try {
    const fits = Math.max(image.width, image.height) <= maxEdge && file.size <= maxBytes;
    if (fits && /^image\/(jpeg|png)$/i.test(file.type)) return file;
    const { blob } = await encodeWithinBudget(canvasEncoder(image.source), image.width, image.height, { maxEdge, maxBytes });
    return new File([blob], shrunkName(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    image.close();
  }
}
