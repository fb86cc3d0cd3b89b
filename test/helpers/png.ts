/** Reads a PNG's size and pixels (8-bit RGB or RGBA, not interlaced), for checks on the listing's images. */
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** 2 = RGB, 6 = RGBA. */
  colorType: number;
  /** [r, g, b, a] of the pixel at (x, y); a = 255 without an alpha channel. */
  pixel(x: number, y: number): [number, number, number, number];
}

export function readPng(bytes: Buffer): Png {
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24];
  const colorType = bytes[25];
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || bytes[28] !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}`);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= bpp ? out[y * stride + i - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= bpp ? out[(y - 1) * stride + i - bpp] : 0;
      let value = x;
      if (filter === 1) value = x + a;
      else if (filter === 2) value = x + b;
      else if (filter === 3) value = x + Math.floor((a + b) / 2);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        value = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      out[y * stride + i] = value & 0xff;
    }
  }
  return {
    width,
    height,
    colorType,
    pixel(x, y) {
      const at = y * stride + x * bpp;
      return [out[at], out[at + 1], out[at + 2], bpp === 4 ? out[at + 3] : 255];
    },
  };
}
