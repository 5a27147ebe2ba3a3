import { deflateSync } from 'node:zlib';

/**
 * The app's two icons drawn in code and encoded as PNG with node:zlib, so the package needs no
 * image files or tools: colour 192x192 (full colour) and outline 32x32 (white on transparent).
 */

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG (colour type 6, 8 bits) from a pixel function. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(6, 9);
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads width, height and colour type from a PNG header (for the package check). */
export function pngInfo(png: Buffer): { width: number; height: number; colorType: number } | undefined {
  if (png.length < 26 || png.toString('ascii', 12, 16) !== 'IHDR' || png.readUInt32BE(0) !== 0x89504e47)
    return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png.readUInt8(25) };
}

/** A coin: a ring with a vertical bar, in unit coordinates centred on 0. */
function coin(u: number, v: number): boolean {
  const r = Math.hypot(u, v);
  const ring = r > 0.62 && r < 0.8;
  const bar = Math.abs(u) < 0.09 && Math.abs(v) < 0.42;
  return ring || bar;
}

export const ACCENT = '#0B6E69';

export function colorIcon(): Buffer {
  const size = 192;
  return encodePng(size, size, (x, y) => {
    const u = ((x + 0.5) / size) * 2 - 1;
    const v = ((y + 0.5) / size) * 2 - 1;
    return coin(u, v) ? [255, 255, 255, 255] : [0x0b, 0x6e, 0x69, 255];
  });
}

export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (x, y) => {
    const u = ((x + 0.5) / size) * 2 - 1;
    const v = ((y + 0.5) / size) * 2 - 1;
    return coin(u * 1.1, v * 1.1) ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });
}
