/** The piece-by-piece inflater against fflate's one-pass inflate, on every kind of deflate block. */
import { deflateSync, inflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InflateError, RawInflater } from '../../src/core/read/files/raw-inflate';

/** Inflates `data` pushed `inputBytes` at a time, output handed on `outputBytes` at a time. */
function inflatePieces(data: Uint8Array, inputBytes: number, outputBytes: number): Uint8Array {
  const pieces: Uint8Array[] = [];
  const inflater = new RawInflater((piece) => pieces.push(piece.slice()) > 0, outputBytes);
  let at = 0;
  do {
    const next = Math.min(data.length, at + inputBytes);
    inflater.push(data.subarray(at, next), next === data.length);
    at = next;
  } while (at < data.length);
  const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  pieces.reduce((offset, p) => (whole.set(p, offset), offset + p.length), 0);
  expect(inflater.produced).toBe(whole.length);
  return whole;
}

function sample(length: number, seed: number): Uint8Array {
  // Text-like bytes with long repeats (matches reaching 32 KB back) and runs of random bytes.
  const bytes = new Uint8Array(length);
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < length;) {
    if (i > 40_000 && random() < 0.3) {
      const from = i - 1 - Math.floor(random() * 32_000);
      const count = Math.min(length - i, 3 + Math.floor(random() * 300));
      for (let k = 0; k < count; k++, i++) bytes[i] = bytes[from + k];
    } else {
      const count = Math.min(length - i, 1 + Math.floor(random() * 40));
      const binary = random() < 0.2;
      for (let k = 0; k < count; k++, i++)
        bytes[i] = binary ? Math.floor(random() * 256) : 97 + Math.floor(random() * 6);
    }
  }
  return bytes;
}

describe('RawInflater', () => {
  const original = sample(300_000, 7);
  for (const level of [0, 1, 6, 9] as const) {
    it(`inflates level-${level} deflate data (${level === 0 ? 'stored' : 'fixed and dynamic'} blocks) exactly, in pieces of any size`, () => {
      const data = deflateSync(original, { level });
      for (const [inputBytes, outputBytes] of [
        [data.length, 256 * 1024],
        [1, 1],
        [3, 7],
        [4096, 259],
        [65_536, 100_000],
      ]) {
        expect(Buffer.from(inflatePieces(data, inputBytes, outputBytes)).equals(Buffer.from(original))).toBe(
          true,
        );
      }
    });
  }

  it('inflates what fflate inflates, for any bytes and piece sizes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 600 }),
        (bytes, level, inputBytes, outputBytes) => {
          const data = deflateSync(bytes, { level: level as 0 });
          expect(Buffer.from(inflatePieces(data, inputBytes, outputBytes))).toEqual(
            Buffer.from(inflateSync(data)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads an empty entry (no deflate data at all) as empty, as fflate does', () => {
    expect(inflatePieces(new Uint8Array(0), 1, 1)).toEqual(new Uint8Array(0));
    expect(inflatePieces(deflateSync(new Uint8Array(0)), 1, 1)).toEqual(new Uint8Array(0));
  });

  it('stops when told to, and inflates nothing more', () => {
    const data = deflateSync(original, { level: 6 });
    let pieces = 0;
    const inflater = new RawInflater(() => ++pieces < 3, 1000);
    inflater.push(data, true);
    expect(pieces).toBe(3);
    expect(inflater.stopped).toBe(true);
    // The first piece holds the 32 KB window too; each one after it at most 1,000 bytes.
    expect(inflater.produced).toBeLessThan(32 * 1024 + 3 * 1000);
  });

  it("reports damaged data in fflate's words", () => {
    const message = (data: Uint8Array): string => {
      try {
        new RawInflater(() => true).push(data, true);
      } catch (error) {
        expect(error).toBeInstanceOf(InflateError);
        return (error as Error).message;
      }
      return 'no error';
    };
    const data = deflateSync(strToU8('Mug & Lid, '.repeat(500)), { level: 6 });
    expect(message(new Uint8Array([0xff, 0xff, 0xff]))).toBe('invalid block type');
    expect(message(data.subarray(0, data.length - 3))).toBe('unexpected EOF');
    // A fixed-code block whose first symbol is a match: it refers back before the start.
    expect(message(new Uint8Array([0x03, 0x02]))).toBe('invalid distance');
  });
});
