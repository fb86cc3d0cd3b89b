/**
 * Bytes of a text export → one string, whatever encoding the seller's tools saved it in:
 * UTF-8 (with or without a byte-order mark), UTF-16 little/big endian as Excel's "Unicode text"
 * writes it, and Windows-1252 for files that are not valid UTF-8 (older Excel "CSV" saves).
 */
import { strFromU8 } from 'fflate';
import { decodeMostlyUtf8 } from './mixed-utf8';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file began with a byte-order mark (which is not part of `text`). */
  bom: boolean;
  /** Lines (1-based) of a UTF-8 file that were not UTF-8 and were read as Windows-1252. */
  windows1252Lines?: number[];
}

interface NativeTextDecoder {
  decode(input?: Uint8Array): string;
}
type NativeTextDecoderConstructor = new (label?: string, options?: { fatal?: boolean }) => NativeTextDecoder;

/** Browsers and Node have TextDecoder; Apps Script does not, so every use has a fallback. */
const NativeDecoder = (globalThis as unknown as { TextDecoder?: NativeTextDecoderConstructor }).TextDecoder;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = decodeUtf8Strict(body);
    // A BOM promises UTF-8; if the rest is not, Windows-1252 still gives the seller readable text.
    if (text !== null) return { text, encoding: 'utf-8', bom: true };
    const mixed = decodeMostlyUtf8(body, CODEC);
    if (mixed) return { text: mixed.text, encoding: 'utf-8', bom: true, windows1252Lines: mixed.badLines };
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  }
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16 !== null) {
    return { text: decodeUtf16(bytes, utf16 === 'utf-16le'), encoding: utf16, bom: false };
  }
  const text = decodeUtf8Strict(bytes);
  if (text !== null) return { text, encoding: 'utf-8', bom: false };
  const mixed = decodeMostlyUtf8(bytes, CODEC);
  if (mixed) return { text: mixed.text, encoding: 'utf-8', bom: false, windows1252Lines: mixed.badLines };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
}

/**
 * UTF-16 text of mostly ASCII characters has a NUL in every other byte: at odd offsets for
 * little endian, even offsets for big endian. Text files in single-byte encodings have none.
 */
const CODEC = { isValidUtf8, utf8: strFromU8, windows1252: (b: Uint8Array) => decodeWindows1252(b) };

export function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sampleLength = Math.min(bytes.length, 4096) & ~1;
  if (sampleLength < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sampleLength; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sampleLength / 2;
  if (oddNuls >= pairs * 0.3 && evenNuls === 0) return 'utf-16le';
  if (evenNuls >= pairs * 0.3 && oddNuls === 0) return 'utf-16be';
  return null;
}

/** The UTF-8 text, or null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  if (NativeDecoder) {
    try {
      return new NativeDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  return isValidUtf8(bytes) ? strFromU8(bytes) : null;
}

/** Validates UTF-8 as the WHATWG decoder does: no overlongs, no surrogates, nothing above U+10FFFF. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) needed = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return false;
    if (i + needed >= n) return false; // sequence cut off by the end of the file
    const second = bytes[i + 1];
    if (second < lower || second > upper) return false;
    for (let k = 2; k <= needed; k++) {
      const next = bytes[i + k];
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += needed + 1;
  }
  return true;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  // An odd trailing byte cannot be a character; Excel never writes one, so it is dropped.
  const unitCount = bytes.length >> 1;
  const units = new Uint16Array(Math.min(unitCount, 16384));
  const parts: string[] = [];
  for (let start = 0; start < unitCount; start += units.length) {
    const end = Math.min(unitCount, start + units.length);
    for (let u = start; u < end; u++) {
      const lo = bytes[2 * u + (littleEndian ? 0 : 1)];
      const hi = bytes[2 * u + (littleEndian ? 1 : 0)];
      units[u - start] = lo | (hi << 8);
    }
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has €, curly quotes, dashes… */
const WINDOWS_1252_HIGH_CONTROL_RANGE = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(Math.min(bytes.length, 16384));
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += units.length) {
    const end = Math.min(bytes.length, start + units.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      units[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH_CONTROL_RANGE[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}
