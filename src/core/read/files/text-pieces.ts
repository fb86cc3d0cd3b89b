/**
 * A text file's bytes → text, piece by piece, so a file is never held as bytes and as a whole
 * decoded copy at once. The encoding is decided from the first bytes as `decodeText` decides it
 * for a whole file: a byte-order mark, UTF-16 by its NULs, else UTF-8 — and when UTF-8 turns out
 * to be invalid further on, the reader throws {@link NotUtf8Error} and the caller reads the file
 * again line by line: UTF-8 where a line is valid UTF-8, Windows-1252 (older Excel "CSV" saves) where not.
 */
import { decodeUtf8Strict, decodeWindows1252, guessUtf16WithoutBom, type TextEncodingName } from './decode';

/** Bytes looked at before the encoding is decided (UTF-16 is recognised by its NULs in them). */
export const HEAD_BYTES = 4096;

/** The file is not valid UTF-8: read it again from the start with `notUtf8` set. */
export class NotUtf8Error extends Error {
  constructor() {
    super('not UTF-8');
    this.name = 'NotUtf8Error';
  }
}

export interface PieceDecoder {
  readonly encoding: TextEncodingName;
  /** The file began with a byte-order mark (skipped, never part of the text). */
  readonly bom: boolean;
  /** The text of the next bytes (a character cut by the end of the piece comes with the next). */
  decode(bytes: Uint8Array): string;
  /** What is left at the end of the file. */
  end(): string;
  /** The line-by-line read's report (see {@link LineReport}); absent for every other read. */
  readonly lines?: LineReport;
}

/**
 * Which lines a line-by-line read could not read as UTF-8, filled as it decodes. A file with UTF-8
 * characters on other lines (`sawUtf8`) had a row pasted from an older file: those lines are named
 * to the seller. A file with none is an older Excel save, Windows-1252 throughout.
 */
export interface LineReport {
  /** Lines (1-based, counted by line feeds) read as Windows-1252, in order. */
  readonly notUtf8: number[];
  sawUtf8: boolean;
}

interface NativeTextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type NativeTextDecoderConstructor = new (label?: string) => NativeTextDecoder;
const NativeDecoder = (globalThis as unknown as { TextDecoder?: NativeTextDecoderConstructor }).TextDecoder;

/**
 * The decoder for a file that starts with `head` (at least {@link HEAD_BYTES}, or the whole file).
 * Its first `decode` must be given the file from its first byte: a byte-order mark is skipped there.
 */
export function pieceDecoderFor(head: Uint8Array, notUtf8: boolean): PieceDecoder {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return skipping(3, notUtf8 ? utf8ByLine(true) : utf8(true));
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return skipping(2, utf16(true, true));
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return skipping(2, utf16(false, true));
  const utf16Guess = guessUtf16WithoutBom(head);
  if (utf16Guess !== null) return utf16(utf16Guess === 'utf-16le', false);
  return notUtf8 ? utf8ByLine(false) : utf8(false);
}

/** A decoder whose first `skip` bytes (the byte-order mark) are not text. */
function skipping(skip: number, inner: PieceDecoder): PieceDecoder {
  let left = skip;
  return {
    encoding: inner.encoding,
    bom: inner.bom,
    decode(bytes) {
      if (left === 0) return inner.decode(bytes);
      const cut = Math.min(left, bytes.length);
      left -= cut;
      return inner.decode(bytes.subarray(cut));
    },
    end: () => inner.end(),
    lines: inner.lines,
  };
}

/**
 * UTF-8 by the platform's decoder (its replacing mode: the strict one is many times slower). A
 * replacement character in the text that the bytes do not spell out (EF BF BD) marks bytes that
 * are not UTF-8.
 */
function utf8(bom: boolean): PieceDecoder {
  if (!NativeDecoder) return utf8WithoutPlatformDecoder(bom);
  const decoder = new NativeDecoder('utf-8');
  // The last two bytes of the previous piece: a spelled-out U+FFFD may straddle two pieces.
  let tail0 = -1;
  let tail1 = -1;
  const checked = (text: string, bytes: Uint8Array): string => {
    if (
      text.indexOf('\ufffd') >= 0 &&
      countReplacements(text) !== countSpelledReplacements(tail0, tail1, bytes)
    )
      throw new NotUtf8Error();
    if (bytes.length >= 2) {
      tail0 = bytes[bytes.length - 2];
      tail1 = bytes[bytes.length - 1];
    } else if (bytes.length === 1) {
      tail0 = tail1;
      tail1 = bytes[0];
    }
    return text;
  };
  return {
    encoding: 'utf-8',
    bom,
    decode: (bytes) => checked(decoder.decode(bytes, { stream: true }), bytes),
    end: () => checked(decoder.decode(), new Uint8Array(0)),
  };
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  return count;
}

/** EF BF BD sequences that end in `bytes`, the two bytes before it included. */
function countSpelledReplacements(before0: number, before1: number, bytes: Uint8Array): number {
  let count = 0;
  const at = (i: number): number => (i >= 0 ? bytes[i] : i === -1 ? before1 : before0);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0xbd && at(i - 1) === 0xbf && at(i - 2) === 0xef) count++;
  }
  return count;
}

/** Where there is no platform decoder (Apps Script): the bytes kept, decoded whole at the end. */
function utf8WithoutPlatformDecoder(bom: boolean): PieceDecoder {
  const kept: Uint8Array[] = [];
  return {
    encoding: 'utf-8',
    bom,
    decode(bytes) {
      kept.push(bytes.slice());
      return '';
    },
    end() {
      const text = decodeUtf8Strict(concatBytes(kept));
      if (text === null) throw new NotUtf8Error();
      return text;
    },
  };
}

/**
 * The second read of a file that is not valid UTF-8 throughout: each line that is valid UTF-8 is
 * read as UTF-8 and any other line as Windows-1252, so one bad line never turns every accented
 * name of a UTF-8 file into mojibake, and an older Excel save (no valid multi-byte line) still
 * reads as Windows-1252.
 */
function utf8ByLine(bom: boolean): PieceDecoder {
  let carry = new Uint8Array(0);
  let lineNumber = 0;
  const lines: LineReport = { notUtf8: [], sawUtf8: false };
  const line = (bytes: Uint8Array): string => {
    lineNumber++;
    const text = decodeUtf8Strict(bytes);
    if (text === null) {
      lines.notUtf8.push(lineNumber);
      return decodeWindows1252(bytes);
    }
    if (!lines.sawUtf8 && text.length < bytes.length) lines.sawUtf8 = true;
    return text;
  };
  return {
    encoding: 'windows-1252',
    bom,
    decode(bytes) {
      const all = carry.length === 0 ? bytes : concatBytes([carry, bytes]);
      const cut = all.lastIndexOf(0x0a) + 1;
      carry = all.slice(cut);
      let text = '';
      let start = 0;
      for (let i = 0; i < cut; i++) {
        if (all[i] !== 0x0a) continue;
        text += line(all.subarray(start, i + 1));
        start = i + 1;
      }
      return text;
    },
    end() {
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length === 0 ? '' : line(rest);
    },
    lines,
  };
}

/** The pieces as one array (the piece itself when there is one). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const all = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    all.set(piece, offset);
    offset += piece.length;
  }
  return all;
}

/** UTF-16: an odd byte at the end of a piece waits for the next; an odd last byte of the file is dropped. */
function utf16(littleEndian: boolean, bom: boolean): PieceDecoder {
  let carry = -1;
  return {
    encoding: littleEndian ? 'utf-16le' : 'utf-16be',
    bom,
    decode(bytes) {
      let start = 0;
      let text = '';
      if (carry >= 0 && bytes.length > 0) {
        text = String.fromCharCode(littleEndian ? carry | (bytes[0] << 8) : (carry << 8) | bytes[0]);
        carry = -1;
        start = 1;
      }
      const units = (bytes.length - start) >> 1;
      if (start + units * 2 < bytes.length) carry = bytes[bytes.length - 1];
      return text + utf16Text(bytes, start, units, littleEndian);
    },
    end: () => '',
  };
}

function utf16Text(bytes: Uint8Array, start: number, unitCount: number, littleEndian: boolean): string {
  const units = new Uint16Array(Math.min(unitCount, 16384));
  const parts: string[] = [];
  for (let first = 0; first < unitCount; first += units.length) {
    const end = Math.min(unitCount, first + units.length);
    for (let u = first; u < end; u++) {
      const lo = bytes[start + 2 * u + (littleEndian ? 0 : 1)];
      const hi = bytes[start + 2 * u + (littleEndian ? 1 : 0)];
      units[u - first] = lo | (hi << 8);
    }
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - first) as unknown as number[]));
  }
  return parts.join('');
}
