// Writes the PWA's PNG icons with node only (zlib + a hand-written PNG encoder): Android needs PNGs
// (192 and 512, plus "maskable" ones whose drawing stays inside the 80 % safe circle) to offer
// "Add to home screen"; an SVG alone is not enough. Run: node packages/web/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const RED = [183, 28, 28];
const GOLD = [255, 205, 64];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A five-pointed star of outer radius R around (0,0), as a polygon. */
function star(R) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? R : R * 0.382;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return pts;
}
function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Red field, a white ring and a gold star; `scale` shrinks the drawing for the maskable safe zone. */
function icon(size, scale) {
  const shape = star(0.3 * scale);
  const sample = (u, v) => {
    const d = Math.hypot(u, v);
    if (inPolygon(u, v, shape)) return GOLD;
    if (d > 0.36 * scale && d < 0.42 * scale) return WHITE;
    return RED;
  };
  const SS = 4; // supersampling for smooth edges
  return png(size, (x, y) => {
    const acc = [0, 0, 0];
    for (let i = 0; i < SS; i++)
      for (let j = 0; j < SS; j++) {
        const u = (x + (i + 0.5) / SS) / size - 0.5;
        const v = (y + (j + 0.5) / SS) / size - 0.5;
        const c = sample(u * 1, v * 1);
        acc[0] += c[0];
        acc[1] += c[1];
        acc[2] += c[2];
      }
    return acc.map((s) => Math.round(s / (SS * SS)));
  });
}

for (const size of [192, 512]) {
  writeFileSync(join(out, `icon-${size}.png`), icon(size, 1));
  writeFileSync(join(out, `maskable-${size}.png`), icon(size, 0.78));
}
writeFileSync(join(out, 'apple-touch-icon.png'), icon(180, 1));
console.log('icons written to', out);
